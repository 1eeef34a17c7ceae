// Preloaded into the server process when BENCH_CPU_PROF is set (NODE_OPTIONS refuses --cpu-prof):
// starts the inspector's CPU profiler when the benchmark's measured window opens (SIGUSR2 from
// the benchmark) and writes a .cpuprofile (Chrome DevTools, speedscope) to $MOTCUA_CPU_PROF_FILE
// when the process exits. Start-up and warm-up are left out.
import fs from 'node:fs';
import inspector from 'node:inspector';

const file = process.env.MOTCUA_CPU_PROF_FILE;
if (file) {
  const session = new inspector.Session();
  session.connect();
  let started = false;
  process.on('SIGUSR2', () => {
    if (started) return;
    started = true;
    session.post('Profiler.enable');
    session.post('Profiler.setSamplingInterval', { interval: 500 });
    session.post('Profiler.start');
  });
  process.on('exit', () => {
    if (!started) return;
    session.post('Profiler.stop', (error, result) => {
      if (!error) fs.writeFileSync(file, JSON.stringify(result.profile));
    });
  });
}
