-- What PostGraphile v4 serves in `pnpm bench:compare` (bench/compare.ts), created (afresh) in the bench's database.
-- bench_pg is the schema PostGraphile exposes: views over the project's tables (so computed columns, which v4 only
-- takes from the table's own schema, can live outside `public`), the signed-in participant and computed columns.
-- bench_pg_private holds the SQL port of the saldo engine (src/modules/saldo/jht-engine.ts + saldo.service.ts),
-- which PostGraphile does not expose.
set client_min_messages = warning;
drop schema if exists bench_pg cascade;
drop schema if exists bench_pg_private cascade;
create schema bench_pg;
create schema bench_pg_private;

create view bench_pg.participants as select * from public.participants;
create view bench_pg.cards as select * from public.cards;
create view bench_pg.employers as select * from public.employers;
create view bench_pg.contributions as select * from public.contributions;
comment on view bench_pg.participants is E'@primaryKey id';
comment on view bench_pg.employers is E'@primaryKey id';
comment on view bench_pg.cards is
  E'@primaryKey id\n@foreignKey (participant_id) references bench_pg.participants (id)\n@foreignKey (employer_id) references bench_pg.employers (id)';
comment on view bench_pg.contributions is E'@primaryKey id\n@foreignKey (card_id) references bench_pg.cards (id)';

-- The caller: PostGraphile verifies the JWT and sets its claims as jwt.claims.*; like the project (auth.service.ts
-- authenticate), the session is read on every request, so a revoked session or a blocked account stops at once.
create function bench_pg.current_participant() returns bench_pg.participants language sql stable as $$
  select p.*
  from public.sessions s
  join public.accounts a on a.id = s.account_id
  join bench_pg.participants p on p.id = a.participant_id
  where s.id = nullif(current_setting('jwt.claims.session_id', true), '')::uuid
    and a.id = nullif(current_setting('jwt.claims.account_id', true), '')::uuid
    and s.revoked_at is null and a.blocked_at is null
$$;

-- common/mask.ts maskMiddle
create function bench_pg_private.mask_middle(v text, keep_start int, keep_end int) returns text
language sql immutable strict parallel safe as $$
  select case when length(v) <= keep_start + keep_end then repeat('*', length(v))
    else left(v, keep_start) || repeat('*', length(v) - keep_start - keep_end) || right(v, keep_end) end
$$;

-- The Rupiah scalar: sen as a decimal string with two decimals.
create function bench_pg_private.rupiah(sen bigint) returns text language sql immutable strict parallel safe as $$
  select round(sen::numeric / 100, 2)::text
$$;

-- money.ts divRound: a / b rounded half away from zero (b > 0), in exact integer arithmetic.
create function bench_pg_private.div_round(a bigint, b bigint) returns bigint language sql immutable strict parallel safe as $$
  select case when a >= 0 then (2 * a + b) / (2 * b) else -((-2 * a + b) / (2 * b)) end
$$;

-- saldo.service.ts todayWib: the day in Jakarta.
create function bench_pg_private.today_wib() returns date language sql stable as $$
  select (now() at time zone 'Asia/Jakarta')::date
$$;

-- jht-engine.ts buildStatements + computeYear for one card, every year from its first activity to as_of's year,
-- computed from the whole ledger (PostGraphile keeps nothing between requests). The engine goes month by month: the
-- balance at the start of a month earns rate/12 (only the complete months of the open year), a contribution joins
-- the balance at the end of its month, a withdrawal first credits what has accrued (rounded half up) and then takes
-- its amount, and what is left accrued is credited at the end of the year. In a year without withdrawals that sums
-- to one rounding of rate × (months × saldo awal + Σ contribution × months after its own) / (12 × 10,000), computed
-- per year here; a year with a withdrawal goes month by month as the engine does (several withdrawals in one month:
-- the first credits, the others credit 0, so the month's sum behaves the same).
-- jht-engine.ts rateFor: a year missing from jht_rates takes the first rate if it is earlier, else the last one.
create function bench_pg_private.card_years(p_card uuid, p_as_of date)
returns table (yr int, awal bigint, employer bigint, worker bigint, dev bigint, outs bigint, akhir bigint)
language plpgsql stable as $$
declare
  as_of_year int := extract(year from p_as_of)::int;
  as_of_month int := extract(month from p_as_of)::int;
  ledger_end date := (date_trunc('month', p_as_of) + interval '1 month')::date;
  first_year int;
  first_rate_year int;
  first_rate bigint;
  last_rate bigint;
  y record;
  m record;
  bal bigint := 0;
  accrued bigint;
  credit bigint;
begin
  select least(
      (select extract(year from min(c.period))::int from public.contributions c where c.card_id = p_card),
      (select extract(year from min(w.paid_on))::int from public.jht_withdrawals w where w.card_id = p_card))
    into first_year;
  if first_year is null or first_year > as_of_year then return; end if;
  select r.year, r.rate_bp into first_rate_year, first_rate from public.jht_rates r order by r.year limit 1;
  select r.rate_bp into last_rate from public.jht_rates r order by r.year desc limit 1;
  for y in
    select g.y, a.am,
      coalesce(r.rate_bp, case when g.y < first_rate_year then first_rate else last_rate end)::bigint as bp,
      coalesce(e.emp, 0)::bigint as emp, coalesce(e.wrk, 0)::bigint as wrk, coalesce(e.weighted, 0)::bigint as weighted,
      exists (select 1 from public.jht_withdrawals w
        where w.card_id = p_card and w.paid_on >= make_date(g.y, 1, 1) and w.paid_on < make_date(g.y + 1, 1, 1) and w.paid_on <= p_as_of) as has_out
    from generate_series(first_year, as_of_year) as g(y)
    cross join lateral (select case when g.y = as_of_year then as_of_month - 1 else 12 end as am) a
    left join public.jht_rates r on r.year = g.y
    left join lateral (
      select sum(c.jht_employer_sen) as emp, sum(c.jht_worker_sen) as wrk,
        sum((c.jht_employer_sen + c.jht_worker_sen) * greatest(0, a.am - extract(month from c.period)::int)) as weighted
      from public.contributions c
      where c.card_id = p_card and c.period >= make_date(g.y, 1, 1) and c.period < least(make_date(g.y + 1, 1, 1), ledger_end)) e on true
    order by g.y
  loop
    yr := y.y; awal := bal; employer := y.emp; worker := y.wrk; outs := 0;
    if not y.has_out then
      dev := bench_pg_private.div_round(y.bp * (y.am * bal + y.weighted), 120000);
      bal := bal + y.emp + y.wrk + dev;
    else
      dev := 0;
      accrued := 0;
      for m in
        select mo.mo, coalesce(e.amount, 0)::bigint as amount, w.amt::bigint as amt
        from generate_series(1, 12) as mo(mo)
        left join (select extract(month from c.period)::int as mo, sum(c.jht_employer_sen + c.jht_worker_sen) as amount
          from public.contributions c
          where c.card_id = p_card and c.period >= make_date(y.y, 1, 1) and c.period < least(make_date(y.y + 1, 1, 1), ledger_end)
          group by 1) e on e.mo = mo.mo
        left join (select extract(month from w.paid_on)::int as mo, sum(w.amount_sen) as amt
          from public.jht_withdrawals w
          where w.card_id = p_card and w.paid_on >= make_date(y.y, 1, 1) and w.paid_on < make_date(y.y + 1, 1, 1) and w.paid_on <= p_as_of
          group by 1) w on w.mo = mo.mo
        order by mo.mo
      loop
        if m.mo <= y.am then accrued := accrued + bal * y.bp; end if;
        bal := bal + m.amount;
        if m.amt is not null then
          credit := bench_pg_private.div_round(accrued, 120000);
          accrued := 0;
          dev := dev + credit;
          bal := bal + credit - m.amt;
          outs := outs + m.amt;
        end if;
      end loop;
      credit := bench_pg_private.div_round(accrued, 120000);
      dev := dev + credit;
      bal := bal + credit;
    end if;
    akhir := bal;
    return next;
  end loop;
end
$$;

-- jht-engine.ts mergeStatements: a participant's cards summed year by year.
create function bench_pg_private.participant_years(p_participant uuid, p_as_of date)
returns table (yr int, awal bigint, employer bigint, worker bigint, dev bigint, outs bigint, akhir bigint)
language sql stable as $$
  select y.yr, sum(y.awal)::bigint, sum(y.employer)::bigint, sum(y.worker)::bigint, sum(y.dev)::bigint,
    sum(y.outs)::bigint, sum(y.akhir)::bigint
  from public.cards k
  cross join lateral bench_pg_private.card_years(k.id, p_as_of) y
  where k.participant_id = p_participant
  group by y.yr
  order by y.yr
$$;

create type bench_pg.saldo_year as (year int, saldo_awal text, iuran_pemberi_kerja text, iuran_pekerja text, pengembangan text,
  penarikan text, saldo_akhir text);
create type bench_pg.saldo_jht as (total text, years bench_pg.saldo_year[]);
create type bench_pg.reported_contribution as (period text, wage text);

create function bench_pg.participants_nik_masked(p bench_pg.participants) returns text language sql stable as $$
  select bench_pg_private.mask_middle(p.nik, 4, 2)
$$;

create function bench_pg.cards_kpj_masked(c bench_pg.cards) returns text language sql stable as $$
  select bench_pg_private.mask_middle(c.kpj, 2, 2)
$$;

create function bench_pg.cards_last_reported(c bench_pg.cards) returns bench_pg.reported_contribution language sql stable as $$
  select row(to_char(l.period, 'YYYY-MM'), bench_pg_private.rupiah(l.wage_sen))::bench_pg.reported_contribution
  from public.contributions l where l.card_id = c.id order by l.period desc limit 1
$$;

-- saldo.service.ts toSaldoJht: the total is the last year's closing balance (0 without any year).
create function bench_pg.cards_saldo_jht(c bench_pg.cards) returns bench_pg.saldo_jht language sql stable as $$
  select row(
    coalesce(bench_pg_private.rupiah((array_agg(y.akhir order by y.yr desc))[1]), '0.00'),
    coalesce(array_agg(row(y.yr, bench_pg_private.rupiah(y.awal), bench_pg_private.rupiah(y.employer),
      bench_pg_private.rupiah(y.worker), bench_pg_private.rupiah(y.dev), bench_pg_private.rupiah(y.outs),
      bench_pg_private.rupiah(y.akhir))::bench_pg.saldo_year order by y.yr), '{}'))::bench_pg.saldo_jht
  from bench_pg_private.card_years(c.id, bench_pg_private.today_wib()) y
$$;

create function bench_pg.participants_saldo_jht(p bench_pg.participants) returns bench_pg.saldo_jht language sql stable as $$
  select row(
    coalesce(bench_pg_private.rupiah((array_agg(y.akhir order by y.yr desc))[1]), '0.00'),
    coalesce(array_agg(row(y.yr, bench_pg_private.rupiah(y.awal), bench_pg_private.rupiah(y.employer),
      bench_pg_private.rupiah(y.worker), bench_pg_private.rupiah(y.dev), bench_pg_private.rupiah(y.outs),
      bench_pg_private.rupiah(y.akhir))::bench_pg.saldo_year order by y.yr), '{}'))::bench_pg.saldo_jht
  from bench_pg_private.participant_years(p.id, bench_pg_private.today_wib()) y
$$;
