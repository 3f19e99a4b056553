// The part of Eleventy 3's programmatic API the build uses (the package ships no type declarations).
declare module "@11ty/eleventy" {
  interface EleventyOptions {
    quietMode?: boolean;
    configPath?: string | false;
    pathPrefix?: string;
    runMode?: "build" | "watch" | "serve";
    config?: (eleventyConfig: any) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
    /** Prints (with a stack trace) every error it is given; `once()` calls `error` or `fatal`. */
    readonly errorHandler: { error(error: unknown, message?: string): void; fatal(error: unknown, message?: string): void };
  }
}

declare module "@11ty/eleventy-img" {
  export interface ImageFormatEntry {
    format: string;
    width: number;
    height: number;
    url: string;
    sourceType: string;
    srcset: string;
    outputPath: string;
  }
  export type ImageMetadata = Record<string, ImageFormatEntry[]>;
  export interface ImageOptions {
    widths?: (number | "auto" | null)[];
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    useCache?: boolean;
    dryRun?: boolean;
    filenameFormat?: (id: string, src: string, width: number, format: string) => string;
    sharpJpegOptions?: object;
    /** Options of the sharp constructor (`limitInputPixels`…). */
    sharpOptions?: object;
    sharpWebpOptions?: object;
    /** Called with the sharp instance before resizing (e.g. to make a greyscale print copy). */
    transform?: (sharp: any) => unknown;
  }
  export default function Image(src: string | Buffer, options?: ImageOptions): Promise<ImageMetadata>;
}
