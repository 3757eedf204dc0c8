// Runs a function with console.log and console.error silenced (commands under test print progress).

/** `f()` with console.log and console.error muted until it settles. */
export async function quietly<T>(f: () => Promise<T>): Promise<T> {
  const log = console.log, err = console.error;
  console.log = () => {};
  console.error = () => {};
  try {
    return await f();
  } finally {
    console.log = log;
    console.error = err;
  }
}
