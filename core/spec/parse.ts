// Reads a spec file (YAML or JSON: JSON is YAML here) and keeps the syntax tree, so any JSON
// pointer into the data can be turned back into `file:line:col` for messages.

import { readFileSync } from 'node:fs';
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { SpecError } from './errors.js';
import { pointerSegments } from './pointer.js';

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface ParsedSpec {
  file: string;
  /** The document as plain JSON data. */
  data: unknown;
  /** Where the node at `pointer` starts; for a pointer that goes nowhere, its deepest existing ancestor. */
  position(pointer: string): SourcePosition | undefined;
  /** `file:line:col` of `pointer`, or just `file` when the position is unknown. */
  where(pointer: string): string;
}

export function parseSpecFile(file: string): ParsedSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SpecError({ file, reason: `cannot read the spec file: ${readFailure(error)}` });
  }
  return parseSpecText(text, file);
}

export function parseSpecText(text: string, file: string): ParsedSpec {
  const lineCounter = new LineCounter();
  // `merge: true` accepts the `<<` merge keys some hand-written YAML specs use.
  const document = parseDocument(text, { lineCounter, merge: true, prettyErrors: false, uniqueKeys: true });
  const toPosition = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const [firstError] = document.errors;
  if (firstError !== undefined) {
    const { line, column } = toPosition(firstError.pos[0]);
    throw new SpecError({ file, line, column, reason: `malformed YAML or JSON: ${firstSentence(firstError.message)}` });
  }

  let data: unknown;
  try {
    data = document.toJS();
  } catch (error) {
    // toJS throws for unresolved aliases and alias bombs; the syntax tree itself was fine.
    throw new SpecError({ file, reason: `malformed YAML: ${firstSentence(String((error as Error).message))}` });
  }

  const position = (pointer: string): SourcePosition | undefined => {
    const offset = offsetOf(document, pointer);
    return offset === undefined ? undefined : toPosition(offset);
  };
  const where = (pointer: string): string => {
    const found = position(pointer);
    return found === undefined ? file : `${file}:${found.line}:${found.column}`;
  };
  return { file, data, position, where };
}

/** Start offset of the deepest node on the path of `pointer`. */
function offsetOf(document: Document, pointer: string): number | undefined {
  const segments = pointerSegments(pointer) ?? [];
  let node: unknown = document.contents;
  let offset = rangeStart(node);
  for (const segment of segments) {
    node = resolveAlias(document, node);
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyText(item.key) === segment);
      if (pair === undefined) break;
      // An empty value (`key:`) has no range of its own: point at the key.
      next = pair.value ?? pair.key;
      if (pair.value === null) {
        offset = rangeStart(pair.key) ?? offset;
        break;
      }
    } else if (isSeq(node)) {
      next = /^\d+$/.test(segment) ? node.items[Number(segment)] : undefined;
      if (next === undefined) break;
    } else {
      break;
    }
    node = next;
    offset = rangeStart(node) ?? offset;
  }
  return offset;
}

function resolveAlias(document: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(document) : node;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as YamlNode | null | undefined)?.range;
  return range ? range[0] : undefined;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}
