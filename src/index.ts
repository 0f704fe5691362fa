/**
 * pm as a library: the same functions the CLI uses.
 *
 *   const { pages, diagnostics } = await buildSite({ root: 'site', write: false });
 *   const incident = parseIncident({ file: 'posts/x.md', content }, resolveConfig({}));
 *   const { timeline } = await incidentTimeline('site', incident);
 *   const json = timelineToJson(timeline, timelineMeta(incident, timeline));
 *   const html = renderTimelineHtml(json);
 */
export { buildSite, type BuildOptions, type BuildResult } from './build/build.js';
export { writeSite } from './write/staging.js';
export { incidentTimeline, type TimelineOptions, type ExtraSource } from './timeline/incident-timeline.js';
export { timelineMeta } from './render/incident-pages.js';
export { renderIncident } from './build/render-incident.js';
export type { Page, IncidentSummary, IncidentOutput } from './render/types.js';
export { insightsData, type InsightsJson } from './insights/compute.js';
export { followUpsData, type FollowUpsJson, type FollowUpItem } from './insights/follow-ups.js';
export type { SummaryAction, IssueLink, RootCause } from './insights/types.js';

export { loadConfig, resolveConfig } from './config/resolve.js';
export type { UserConfig, ResolvedConfig, ConfigOverrides } from './config/types.js';

export { parseIncident } from './incident/parse.js';
export type { Incident, IncidentInput, Tag } from './incident/types.js';
export { readFrontMatter, type FrontMatter } from './frontmatter/read.js';

export { extractTimeline } from './timeline/extract.js';
export { renderDocument, bodyHtml, type RenderedDocument } from './markdown/document.js';
export { placeNotes, type PlacedNotes, type TimelineNotes } from './timeline/notes.js';
export { computeTimeline, computeTimeline as buildTimeline } from './timeline/compute.js';
export { timelineToJson } from './timeline/json.js';
export { renderTimelineHtml } from './timeline/render-html.js';
export { escapeHtml } from './text/escape.js';
export type { RenderOptions } from './timeline/render-common.js';
export { renderEmbedPage, embedCsp, fragmentOf, type EmbedPageOptions } from './outputs/embed/page.js';
export { loadEmbedFiles, buildElementScript, type EmbedFiles } from './outputs/embed/files.js';
export { embedPagePath, EMBED_SCRIPT_PATH, timelineJsonPath, STATUSPAGE_PATH, STATUSPAGE_SUMMARY_PATH as SUMMARY_PATH } from './outputs/paths.js';
export { statuspageData, impactOf, type StatuspageIncidents, type StatuspageIncident, type StatuspageUpdate } from './outputs/statuspage.js';
export { statuspageSummaryData, type StatuspageSummary } from './outputs/archive/statuspage-summary.js';
export { severityLevel, type SeverityLevel, type Impact } from './incident/severity.js';
export { formatOffset, formatDelta, parseOffset } from './timeline/duration.js';
export type { Timeline, TimelineEvent, ComputedEvent, TimelineJson, TimelineEventJson, TimelineMetrics, Milestone } from './timeline/types.js';

export { readSource } from './sources/read.js';
export type { SourceSpec, SourceFormat, SourceResult } from './sources/types.js';

export { normalizeZone } from './time/zones.js';
export { parseDateValue, type DateValue } from './time/date-value.js';
export { parseTimestamp } from './time/parse-timestamp.js';

export { formatDiagnostic, sortDiagnostics, type Diagnostic, type Level, type RuleId } from './diagnostics.js';

export { serveSite, type ServeOptions, type ServeHandle, type RebuildEvent } from './serve/server.js';
export { PortInUseError } from './serve/listen.js';
export { checkSite, checkIncidents, type CheckOptions, type CheckResult } from './check/site.js';
export type { CheckContext, CheckIncident, CheckEvent } from './check/types.js';
export { readActions, parseAction, type ActionItem } from './incident/actions.js';
