// Every workflow the ingestion worker runs; the worker bundles this file into Temporal's deterministic sandbox.
export { crawlSource } from './crawl/crawl-source.workflow.js';
