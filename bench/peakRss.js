'use strict';
// Preloaded (`node -r`) into a measured child process: writes its peak resident set size in KB
// (getrusage's maxrss, as /usr/bin/time reports it) to the file named by HOOKPROOF_PEAK_RSS_FILE.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const file = process.env.HOOKPROOF_PEAK_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
