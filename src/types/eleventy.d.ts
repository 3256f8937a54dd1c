// The part of Eleventy's programmatic API the build uses (the package ships no declarations for it).
declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean }, eleventyConfig?: unknown);
    write(): Promise<unknown>;
  }
  /** Puts the configured pathPrefix before every address in every HTML page. */
  export const HtmlBasePlugin: (eleventyConfig: unknown, options?: { baseHref?: string }) => void;
}

// Eleventy's dev server (a dependency of Eleventy; used directly by npm run dev).
declare module '@11ty/eleventy-dev-server' {
  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: { port?: number; domDiff?: boolean; showVersion?: boolean; pathPrefix?: string }): EleventyDevServer;
    serve(port: number): void;
    reload(event?: Record<string, unknown>): void;
    close(): Promise<void>;
  }
}
