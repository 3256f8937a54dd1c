// The part of Eleventy's programmatic API the build uses (the package ships no declarations for it).
declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean }, eleventyConfig?: unknown);
    write(): Promise<unknown>;
  }
}
