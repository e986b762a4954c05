import type { Database } from "../../db/database.ts";
import { saldoRepository } from "../saldo/saldo.repository.ts";
import { jhtRateTable, RULE_NAMES, ruleOn, STATIC_RULE_TABLES, type RuleLookup, type RuleName, type RuleTable } from "./rule-book.ts";

/** The rule book as the API lists it: the tables kept in code, and the JHT development rates from the database. */
export class RulesService {
  constructor(private readonly database: Database) {}

  async table(rule: RuleName): Promise<RuleTable> {
    if (rule === "JHT_PENGEMBANGAN") return jhtRateTable(await saldoRepository.rates(this.database.db));
    return STATIC_RULE_TABLES.find((t) => t.rule === rule)!;
  }

  /** One rule's table, or every table in the rule book's order. */
  async tables(rule: RuleName | null): Promise<RuleTable[]> {
    return Promise.all((rule ? [rule] : RULE_NAMES).map((r) => this.table(r)));
  }

  /** The row(s) in force on `date`, or an explicit "no figure". */
  async on(rule: RuleName, date: string): Promise<RuleLookup> {
    return ruleOn(await this.table(rule), date);
  }
}
