// Sends COUNT track events through the real @segment/analytics-node client, paced in batches
// of 100, and prints a progress line per batch and a JSON summary at the end. TrackingClientTests
// runs it: node send-events.js HOST WRITE_KEY COUNT
'use strict';
const { Analytics } = require('@segment/analytics-node');

const [host, writeKey, countText] = process.argv.slice(2);
const count = Number(countText);
const analytics = new Analytics({
  writeKey,
  host,
  path: '/v1/batch',
  flushAt: 100,
  flushInterval: 200,
  maxRetries: 30,
  httpRequestTimeout: 10000,
});

let failed = 0;
analytics.on('error', (err) => {
  failed++;
  console.error(`delivery failed: ${err.code} ${err.reason?.message ?? err.message}`);
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

(async () => {
  const start = Date.UTC(2026, 2, 1);
  for (let i = 0; i < count; i++) {
    analytics.track({
      messageId: `node-${i}`,
      anonymousId: `anon-${i % 500}`,
      event: i % 2 === 0 ? 'Form Submitted' : 'Pizza Ordered',
      properties: { i },
      timestamp: new Date(start + i * 1000),
    });
    if ((i + 1) % 100 === 0) {
      console.log(`queued ${i + 1}`);
      await sleep(25);
    }
  }
  await analytics.closeAndFlush({ timeout: 180000 });
  console.log(JSON.stringify({ queued: count, failed }));
})();
