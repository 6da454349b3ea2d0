// Container HEALTHCHECK probe: exit 0 when the URL answers 2xx within 2.5 s, else 1.
// node:24-bookworm-slim has neither curl nor wget; Node's own fetch does the job.
//   node infra/docker/http-health.cjs http://127.0.0.1:3000/api/v1/health
const url = process.argv[2];
if (!url) {
  console.error('usage: node http-health.cjs <url>');
  process.exit(2);
}
fetch(url, { signal: AbortSignal.timeout(2500), redirect: 'manual' }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  (error) => {
    console.error(`${url}: ${error.message}`);
    process.exit(1);
  },
);
