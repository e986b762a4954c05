import type { ApolloServerPlugin } from "@apollo/server";
import { BREAK, visit, type DocumentNode, type GraphQLError } from "graphql";
import { ApiError } from "../../common/errors.ts";

/**
 * C0 control characters but tab, line feed and carriage return. No field of the API holds them (PostgreSQL text
 * cannot even store NUL: it failed as INTERNAL_SERVER_ERROR); tab and line breaks may occur in free text such as an
 * address, and fields with a format (NIK, KPJ, phone, email, codes) refuse them through their own validators.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const MAX_DEPTH = 32;

function inValue(value: unknown, depth: number): boolean {
  if (typeof value === "string") return CONTROL_CHARACTERS.test(value);
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.some((v) => inValue(v, depth + 1));
  return Object.entries(value).some(([key, v]) => CONTROL_CHARACTERS.test(key) || inValue(v, depth + 1));
}

/** Whether a control character hides in the variables or in a string literal of the document (`"\u0000"`). */
export function hasControlCharacters(document: DocumentNode | undefined, variables: unknown): boolean {
  if (inValue(variables, 0)) return true;
  if (!document) return false;
  let found = false;
  visit(document, {
    StringValue(node) {
      if (CONTROL_CHARACTERS.test(node.value)) {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * The refusal (BAD_USER_INPUT, detail CONTROL_CHARACTERS, HTTP 400), or null when the operation is clean.
 * Call it inside the request scope (for the caller's language), e.g. in graphql-ws `onSubscribe` once the document
 * is parsed: `const refused = controlCharactersError(document, payload.variables); if (refused) return [refused];`.
 */
export function controlCharactersError(document: DocumentNode | undefined, variables: unknown): GraphQLError | null {
  return hasControlCharacters(document, variables) ? new ApiError("BAD_USER_INPUT", { detail: "CONTROL_CHARACTERS", httpStatus: 400 }) : null;
}

/** Over HTTP: checked once the operation is resolved, before any resolver runs. */
export const controlCharactersPlugin: ApolloServerPlugin<object> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const refused = controlCharactersError(document, request.variables);
        if (refused) throw refused;
      },
    };
  },
};
