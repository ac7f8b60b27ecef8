/**
 * Marks the steps of a command on the page's performance timeline (User Timing `measure` entries
 * named `<command>:<step>`), so a profile or the whole-app bench (bench/browser/app-page.ts) can
 * say where a command's time goes. Costs a clock read per step; nothing is sent anywhere.
 */

export type StepTimer = Readonly<{
  /** Ends the current step as `step` and starts the next one. */
  step(step: string): void;
  /** Ends the last step as `step` and records the whole command as `<command>:total`. */
  done(step: string): void;
}>;

const clock = (): number => performance.now();

function measure(name: string, start: number, end: number): void {
  try {
    performance.measure(name, { start, end });
  } catch {
    // A host without User Timing: the timing is left out, the command is not.
  }
}

export function stepTimer(command: string): StepTimer {
  const first = clock();
  let from = first;
  const step = (name: string): void => {
    const at = clock();
    measure(`${command}:${name}`, from, at);
    from = at;
  };
  return {
    step,
    done(name) {
      step(name);
      measure(`${command}:total`, first, from);
    },
  };
}
