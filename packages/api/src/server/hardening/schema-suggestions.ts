import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";

// graphql-js appends its suggestions at the end of a message: ` Did you mean "klaimApprove"?`, `… the enum value "S1"?`.
const SUGGESTION = / ?Did you mean(.+?)\?$/;

/**
 * An error without graphql-js's "Did you mean …?" hint, which names fields and enum values an attacker did not know
 * (production hides the schema: no introspection). For graphql-ws in production: map `onError`'s and `onNext`'s
 * formatted errors through it, as Apollo's `hideSchemaDetailsFromClientErrors` does for HTTP validation errors.
 */
export function withoutSchemaSuggestions<E extends GraphQLFormattedError>(error: E): E {
  return SUGGESTION.test(error.message) ? { ...error, message: error.message.replace(SUGGESTION, "") } : error;
}

/**
 * Apollo's option covers validation only; variable coercion (`Field "adress" is not defined by type …
 * Did you mean "address"?`) and enum values suggest too: this strips them from every error of the response.
 */
export const hideSchemaSuggestionsPlugin: ApolloServerPlugin<object> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind === "single" && response.body.singleResult.errors) {
          response.body.singleResult.errors = response.body.singleResult.errors.map(withoutSchemaSuggestions);
        }
      },
    };
  },
};
