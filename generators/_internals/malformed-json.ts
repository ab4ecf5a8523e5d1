// JSON text that no parser accepts, made from a valid body so everything else about the
// request stays plausible: cut short, a trailing comma, single quotes, a bare key, a comment.

export function malformedJson(text: string, choice: number): string {
  const variants = [
    text.slice(0, Math.max(1, text.length - 1)),
    text.startsWith('{') && text.length > 2 ? `${text.slice(0, -1)},}` : `${text},`,
    text.replace(/"/g, "'"),
    text.startsWith('{"') ? text.replace(/^\{"([^"]+)"/, '{$1') : `{${text}`,
    `${text} // trailing comment`,
    `${text}}`,
  ];
  const candidates = variants.slice(choice % variants.length).concat(variants.slice(0, choice % variants.length));
  return candidates.find((candidate) => !parses(candidate)) ?? '{"unterminated": ';
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
