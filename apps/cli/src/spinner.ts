// A spinner on stderr for a request that takes a while: nothing for the first moments (most answers
// come sooner), then a turning line naming the request, erased when the answer arrives.
export type Spinner = (label: string) => () => void;

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

export function createSpinner(opts: { write: (s: string) => void; delayMs?: number; intervalMs?: number }): Spinner {
  const delay = opts.delayMs ?? 300;
  const interval = opts.intervalMs ?? 80;
  return (label) => {
    const started = Date.now();
    let frame = 0;
    let shown = false;
    let ticker: NodeJS.Timeout | undefined;
    const draw = () => {
      shown = true;
      const seconds = Math.floor((Date.now() - started) / 1000);
      opts.write(`\r\x1b[K${FRAMES[frame++ % FRAMES.length]} ${label}${seconds > 0 ? ` (${seconds} s)` : ""}`);
    };
    const waiting = setTimeout(() => {
      draw();
      ticker = setInterval(draw, interval).unref();
    }, delay).unref();
    return () => {
      clearTimeout(waiting);
      clearInterval(ticker);
      if (shown) opts.write("\r\x1b[K");
    };
  };
}

/** Spinners go to stderr only when it is a terminal that understands cursor movement. */
export function spinnerFor(
  stderr: { isTTY: boolean; write: (s: string) => void },
  env: Record<string, string | undefined>,
): Spinner | undefined {
  return stderr.isTTY && env.TERM !== "dumb" ? createSpinner({ write: stderr.write }) : undefined;
}
