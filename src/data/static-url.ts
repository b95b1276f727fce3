/** URL of a file under public/, relative to wherever the app is served (vite base './'). */
export function staticUrl(path: string): string {
  return `${import.meta.env.BASE_URL}${path}`;
}

/** Fetches a static JSON file; errors name the file so a broken deploy is obvious. */
export async function fetchJson(path: string): Promise<unknown> {
  const url = staticUrl(path);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error(`${path}: could not be loaded (${(e as Error).message})`);
  }
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new Error(`${path}: not valid JSON`);
  }
}
