import { Client } from 'pg';

/**
 * National-scale reporting read model, seeded straight into the reporting database with SQL
 * (generate_series): 6 regions × 10 districts, 3,000 communities, 40 quarters (10 years), one meeting per
 * community and quarter (120,000), 1,000,000 concerns. The cells hold realistic key sets (every topic and
 * sensitivity, a days-to-resolve histogram, due dates of open actions), so a summary does the work it does
 * in production: one indexed read of its cells and a key-wise sum.
 */
export const REPORTING_SCALE = { regions: 6, districtsPerRegion: 10, communitiesPerDistrict: 50, quarters: 40, firstYear: 2017, concerns: 1_000_000 };

const TOPICS = [
  'water-and-irrigation',
  'pasture-and-land',
  'border-crossing',
  'border-guards',
  'youth-violence',
  'inter-community-conflict',
  'domestic-violence',
  'theft',
  'drugs',
  'road-safety',
  'documents-and-legal-help',
  'other',
];

/** SQL for the counts of one community × quarter cell, pseudo-random from (i = community, q = quarter). */
function communityCounts(i: string, q: string): string {
  const r = (salt: number, mod: number) => `(abs(hashint4(${i} * 131 + ${q} * 7 + ${salt})) % ${mod})`;
  const pairs: string[] = [
    `'expected', 1`,
    `'held', (${r(1, 10)} < 8)::int`,
    `'heldOnTime', (${r(1, 10)} < 7)::int`,
    `'notHeld', (${r(1, 10)} >= 8)::int`,
    `'notPlanned', (${r(1, 10)} = 9)::int`,
    `'meetingsHeld', (${r(1, 10)} < 8)::int`,
    `'org.police', (${r(2, 3)} = 0)::int`,
    `'org.ngo', (${r(2, 3)} = 1)::int`,
    `'org.police-ngo-facilitated', (${r(2, 3)} = 2)::int`,
    `'att.meetings', 1`,
    `'att.officials', ${r(3, 6)}`,
    `'fb.n', 10 + ${r(4, 20)}`,
    `'fb.usefulness', (10 + ${r(4, 20)}) * 3.8`,
    `'fb.trust', (10 + ${r(4, 20)}) * 3.4`,
    `'fb.first', ${r(5, 10)}`,
    `'c.total', 8`,
    `'c.followUp', 5`,
    `'c.resolved', 3`,
    `'a.total', 6`,
    `'a.open', 2`,
    `'a.done', 3`,
    `'a.other', 1`,
  ];
  for (const g of ['women', 'men', 'other']) for (const a of ['under18', 'from18to29', 'from30to59', 'from60']) pairs.push(`'att.${g}.${a}', ${r(g.length * 10 + a.length, 9)}`);
  for (const t of TOPICS) pairs.push(`'c.topic.${t}', ${r(t.length * 3, 2)}`);
  for (const s of ['public', 'restricted', 'confidential']) pairs.push(`'c.sens.${s}', ${r(s.length * 5, 4)}`);
  // A days-to-resolve histogram of three buckets, and two due dates of open actions.
  const histogram = `jsonb_build_object('c.days.' || ${r(6, 30)}, 1, 'c.days.' || (30 + ${r(7, 60)}), 1, 'c.days.' || (90 + ${r(8, 200)}), 1)`;
  const dueDate = `(date '${REPORTING_SCALE.firstYear}-01-01' + (${q} * 91 + ${r(9, 120)}))`;
  const due = `jsonb_build_object('a.due.' || to_char(${dueDate}, 'YYYY-MM-DD'), 2, 'a.dueM.' || to_char(${dueDate}, 'YYYY-MM'), 2)`;
  // jsonb_build_object takes at most 100 arguments: build in chunks.
  const chunks: string[] = [];
  for (let k = 0; k < pairs.length; k += 40) chunks.push(`jsonb_build_object(${pairs.slice(k, k + 40).join(', ')})`);
  return [...chunks, histogram, due].join(' || ');
}

export async function seedReportingReadModel(databaseUrl: string, log: (line: string) => void): Promise<{ communityId: string }> {
  const s = REPORTING_SCALE;
  const raw = new Client({ connectionString: databaseUrl });
  await raw.connect();
  // Version-4-shaped ids from md5, so they pass the contracts' uuid check: UUID(expr) in the SQL below.
  const db = { query: <R extends object = Record<string, unknown>>(sql: string) => raw.query<R>(sql.replace(/UUID\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g, (_m, e: string) => uuidSql(e))), end: () => raw.end() };
  const started = Date.now();
  try {
    const quarterExpr = (q: string) => `(${s.firstYear} + ${q} / 4)::text || '-Q' || (${q} % 4 + 1)::text`;
    const districtExpr = (i: string) => `'d' || lpad(((${i}) / ${s.communitiesPerDistrict})::text, 2, '0')`;
    const regionExpr = (i: string) => `'r' || ((${i}) / ${s.communitiesPerDistrict * s.districtsPerRegion})::text`;
    const communities = s.regions * s.districtsPerRegion * s.communitiesPerDistrict;
    await db.query(`insert into district_info (district_code, region_code, time_zone)
      select 'd' || lpad(d::text, 2, '0'), 'r' || (d / ${s.districtsPerRegion})::text, 'Asia/Dushanbe' from generate_series(0, ${s.regions * s.districtsPerRegion - 1}) d`);
    await db.query(`insert into community_snapshot (community_id, district_code, region_code, status, updated_at)
      select UUID('c' || i), ${districtExpr('i')}, ${regionExpr('i')}, 'active', now() from generate_series(0, ${communities - 1}) i`);
    await db.query(`insert into community_quarter (community_id, quarter, district_code, region_code, active_share, expected, held, held_on_time, planned)
      select UUID('c' || i), ${quarterExpr('q')}, ${districtExpr('i')}, ${regionExpr('i')}, 1, true, abs(hashint4(i * 131 + q * 7 + 1)) % 10 < 8,
             abs(hashint4(i * 131 + q * 7 + 1)) % 10 < 7, false
        from generate_series(0, ${communities - 1}) i, generate_series(0, ${s.quarters - 1}) q`);
    await db.query(`insert into meeting_fact (meeting_id, district_code, region_code, community_ids, planned_quarter, planned_at, scheduled_for, held_quarter, held_at, time_zone, organised_by)
      select UUID('m' || i || '-' || q), ${districtExpr('i')}, ${regionExpr('i')}, array[UUID('c' || i)], ${quarterExpr('q')}, now(), now(), ${quarterExpr('q')}, now(), 'Asia/Dushanbe', 'police'
        from generate_series(0, ${communities - 1}) i, generate_series(0, ${s.quarters - 1}) q`);
    log(`reporting seed: ${communities} communities × ${s.quarters} quarters of compliance and meetings (${Date.now() - started} ms)`);
    const meetings = communities * s.quarters;
    await db.query(`insert into concern_fact (concern_id, meeting_id, district_code, topic, sensitivity, sensitivity_at, follow_up_needed, recorded_at, resolved_at, resolution_at)
      select UUID('k' || k), UUID('m' || (k % ${communities}) || '-' || (k / ${communities} % ${s.quarters})), ${districtExpr(`k % ${communities}`)},
             (array[${TOPICS.map((t) => `'${t}'`).join(', ')}])[1 + k % ${TOPICS.length}], (array['public', 'restricted', 'confidential'])[1 + k % 3], now(), k % 2 = 0, now(),
             case when k % 3 = 0 then now() + (k % 90) * interval '1 day' end, now()
        from generate_series(0, ${s.concerns - 1}) k`);
    log(`reporting seed: ${s.concerns} concerns on ${meetings} meetings (${Date.now() - started} ms)`);
    await db.query(`insert into report_cell (level, code, quarter, district_code, region_code, time_zone, counts, updated_at)
      select 'community', UUID('c' || i)::text, ${quarterExpr('q')}, ${districtExpr('i')}, ${regionExpr('i')}, 'Asia/Dushanbe', ${communityCounts('i', 'q')}, now()
        from generate_series(0, ${communities - 1}) i, generate_series(0, ${s.quarters - 1}) q`);
    // Each level is the key-wise sum of the one below, as the projection keeps it.
    await db.query(`insert into report_cell (level, code, quarter, district_code, region_code, time_zone, counts, updated_at)
      select 'district', x.district_code, x.quarter, x.district_code, x.region_code, 'Asia/Dushanbe',
             (select jsonb_object_agg(key, total) from (select e.key, sum(e.value::numeric) as total from report_cell y, jsonb_each_text(y.counts) e
                where y.level = 'community' and y.district_code = x.district_code and y.quarter = x.quarter group by e.key) t), now()
        from (select distinct district_code, region_code, quarter from report_cell where level = 'community') x`);
    await db.query(`insert into report_cell (level, code, quarter, district_code, region_code, time_zone, counts, updated_at)
      select 'region', x.region_code, x.quarter, null, x.region_code, null,
             (select jsonb_object_agg(key, total) from (select e.key, sum(e.value::numeric) as total from report_cell y, jsonb_each_text(y.counts) e
                where y.level = 'district' and y.region_code = x.region_code and y.quarter = x.quarter group by e.key) t), now()
        from (select distinct region_code, quarter from report_cell where level = 'district') x`);
    await db.query(`insert into report_cell (level, code, quarter, district_code, region_code, time_zone, counts, updated_at)
      select 'country', '', x.quarter, null, null, null,
             (select jsonb_object_agg(key, total) from (select e.key, sum(e.value::numeric) as total from report_cell y, jsonb_each_text(y.counts) e
                where y.level = 'region' and y.quarter = x.quarter group by e.key) t), now()
        from (select distinct quarter from report_cell where level = 'region') x`);
    // Year cells (sum of the four quarters), as the projection keeps them for long ranges.
    for (const level of ['community', 'district', 'region', 'country']) {
      await db.query(`insert into report_cell (level, code, quarter, district_code, region_code, time_zone, counts, updated_at)
        select '${level}-y', t.code, t.year, t.district_code, t.region_code, t.tz, jsonb_object_agg(t.key, t.total), now()
          from (select c.code, substr(c.quarter, 1, 4) as year, c.district_code, c.region_code, c.time_zone as tz, e.key, sum(e.value::numeric) as total
                  from report_cell c, jsonb_each_text(c.counts) e where c.level = '${level}' group by 1, 2, 3, 4, 5, 6) t
         group by t.code, t.year, t.district_code, t.region_code, t.tz`);
    }
    // The projection keeps due-date day keys in their own column, by month.
    await db.query(`update report_cell c
        set due_days = coalesce((select jsonb_object_agg(t.month, t.days) from (
              select substr(e.key, 7, 7) as month, jsonb_object_agg(substr(e.key, 7), e.value) as days
                from jsonb_each(c.counts) e where e.key like 'a.due.%' group by 1) t), '{}'),
            counts = c.counts - array(select k from jsonb_object_keys(c.counts) k where k like 'a.due.%')`);
    await db.query('analyze');
    const { rows } = await db.query<{ level: string; n: string }>('select level, count(*) as n from report_cell group by level order by level');
    log(`reporting seed: cells ${rows.map((r) => `${r.level} ${r.n}`).join(', ')} (${Date.now() - started} ms)`);
  } finally {
    await db.end();
  }
  return { communityId: await communityIdOf(0) };
}

function uuidSql(expr: string): string {
  const h = `md5(${expr})`;
  return `(substr(${h}, 1, 8) || '-' || substr(${h}, 9, 4) || '-4' || substr(${h}, 14, 3) || '-8' || substr(${h}, 18, 3) || '-' || substr(${h}, 21, 12))::uuid`;
}

async function communityIdOf(i: number): Promise<string> {
  const { createHash } = await import('node:crypto');
  const hex = createHash('md5').update(`c${i}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** The summary requests measured, per level (the range is the whole ten years unless said). */
export function reportingBenchRequests(communityId: string): { name: string; path: string }[] {
  const last = `${REPORTING_SCALE.firstYear + REPORTING_SCALE.quarters / 4 - 1}-Q4`;
  const first = `${REPORTING_SCALE.firstYear}-Q1`;
  const range = `from=${first}&to=${last}`;
  return [
    { name: 'country, 1 quarter (6 regions side by side)', path: `/reports/summary?level=country&from=${last}` },
    { name: 'country, 40 quarters (6 regions side by side)', path: `/reports/summary?level=country&${range}` },
    { name: 'region, 40 quarters (10 districts side by side)', path: `/reports/summary?level=region&code=r0&${range}` },
    { name: 'district, 1 quarter (50 communities side by side)', path: `/reports/summary?level=district&code=d00&from=${last}` },
    { name: 'district, 40 quarters (50 communities side by side)', path: `/reports/summary?level=district&code=d00&${range}` },
    { name: 'community, 40 quarters', path: `/reports/summary?level=community&code=${communityId}&${range}` },
    { name: 'time series, country, 40 quarters', path: `/reports/timeseries?level=country&${range}` },
  ];
}
