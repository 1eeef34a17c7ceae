// Types of tools.mjs (plain JavaScript so that scripts run by Node alone can use it).
export type ToolName = 'chromium' | 'pdftotext' | 'pdftoppm' | 'pdffonts' | 'pdfsig' | 'pdfimages' | 'zbarimg' | 'certutil';
export interface LocatedTool {
  name: ToolName;
  path: string;
  /** `system`, `CHROMIUM_PATH` or `npm @sparticuz/chromium`. */
  source: string;
}
export const toolPackages: Record<ToolName, { debian: string; purpose: string }>;
export const tierTools: Record<'unit' | 'integration' | 'e2e', ToolName[]>;
export function findTool(name: ToolName): LocatedTool | undefined;
export function npmChromiumAvailable(): boolean;
export function locateChromium(): Promise<LocatedTool & { name: 'chromium'; args: string[] }>;
export function toolPath(name: ToolName): string;
export function missingLine(names: ToolName[]): string;
export function describeTool(located: LocatedTool): string;
export function installMissingTools(names: ToolName[], log?: (line: string) => void): ToolName[];
