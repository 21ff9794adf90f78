/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The Docker build cannot run here (no engine), so the versions it names are checked against what the build needs:
// Vite's own Node requirement and the Java release of pom.xml.
const root = resolve(__dirname, '..', '..');
const dockerfile = readFileSync(resolve(root, 'Dockerfile'), 'utf8');
const viteEngines: string = JSON.parse(
  readFileSync(resolve(__dirname, '..', 'node_modules', 'vite', 'package.json'), 'utf8'),
).engines.node;

/** Whether the newest release of Node `major` satisfies a range such as `^20.19.0 || >=22.12.0`. */
function newestOfMajorSatisfies(major: number, range: string): boolean {
  return range.split('||').some((clause) => {
    const match = /^\s*(\^|>=)\s*(\d+)\.\d+\.\d+\s*$/.exec(clause);
    if (!match) return false;
    const min = Number(match[2]);
    return match[1] === '^' ? min === major : min <= major;
  });
}

describe('Dockerfile', () => {
  it('builds the site with a Node that Vite supports', () => {
    const major = /^FROM node:(\d+)[-\w.]*\s+AS node$/m.exec(dockerfile)?.[1];
    expect(major, 'a "FROM node:<major>... AS node" stage').toBeDefined();
    expect(newestOfMajorSatisfies(Number(major), viteEngines), `Node ${major} against vite ${viteEngines}`).toBe(true);
    expect(dockerfile).toMatch(/COPY --from=node \/usr\/local\/bin\/node/);
  });

  it('builds and runs on the Java release of pom.xml', () => {
    const pom = readFileSync(resolve(root, 'pom.xml'), 'utf8');
    const java = /<java.version>(\d+)<\/java.version>/.exec(pom)?.[1];
    expect(java, 'pom.xml names java.version').toBeDefined();
    expect(dockerfile).toMatch(new RegExp(`^FROM maven:[\\w.]+-eclipse-temurin-${java} AS build$`, 'm'));
    expect(dockerfile).toMatch(new RegExp(`^FROM eclipse-temurin:${java}-jre$`, 'm'));
  });

  it('reads a range the way npm does for the cases Vite writes', () => {
    expect(newestOfMajorSatisfies(18, '^20.19.0 || >=22.12.0')).toBe(false);
    expect(newestOfMajorSatisfies(20, '^20.19.0 || >=22.12.0')).toBe(true);
    expect(newestOfMajorSatisfies(24, '^20.19.0 || >=22.12.0')).toBe(true);
  });
});
