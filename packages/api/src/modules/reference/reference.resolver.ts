import { Arg, Int, Query, Resolver } from "type-graphql";
import { Bank, PaymentRail, Wilayah } from "@jmo/schema";
import { badUserInput } from "../../common/errors.ts";
import { BANKS, type BankInfo } from "./banks.ts";
import { searchWilayah, WILAYAH_DEFAULT_FIRST, WILAYAH_MAX_FIRST, WILAYAH_MAX_TERM_LENGTH } from "./wilayah.ts";

function toBank(bank: BankInfo): Bank {
  return {
    code: bank.code,
    name: bank.name,
    rail: PaymentRail[bank.rail],
    realtime: bank.rail === "REALTIME",
    accountNumberMinLength: bank.accountNumberLength.min,
    accountNumberMaxLength: bank.accountNumberLength.max,
  };
}

/** Reference data for forms: public, no sign-in needed. */
@Resolver()
export class ReferenceResolver {
  @Query(() => [Bank], { description: "Banks for a rekening: partner banks (paid in real time) first, then the others by name" })
  banks(): Bank[] {
    return BANKS.map(toBank);
  }

  @Query(() => [Wilayah], {
    description:
      'Location picker: villages whose kelurahan, kecamatan, kabupaten or provinsi names contain every word of `search` ("coblong bandung"), ' +
      "best matches first (kelurahan, then kecamatan, then kabupaten). Fewer than 3 letters give an empty list.",
  })
  async wilayah(
    @Arg("search", () => String, { description: `A fragment of a name, at most ${WILAYAH_MAX_TERM_LENGTH} characters` }) search: string,
    @Arg("first", () => Int, { nullable: true, description: `How many, ${WILAYAH_DEFAULT_FIRST} by default, at most ${WILAYAH_MAX_FIRST}` })
    first: number | null,
  ): Promise<Wilayah[]> {
    const count = first ?? WILAYAH_DEFAULT_FIRST;
    if (count < 1 || count > WILAYAH_MAX_FIRST) throw badUserInput(`first must be between 1 and ${WILAYAH_MAX_FIRST}`);
    if (search.length > WILAYAH_MAX_TERM_LENGTH) throw badUserInput(`search must be at most ${WILAYAH_MAX_TERM_LENGTH} characters`);
    return searchWilayah(search, count);
  }
}
