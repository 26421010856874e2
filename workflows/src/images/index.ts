// Image handling of the ingestion pipeline: validation and resizing with sharp, and the thumbnail store.
export { prepareImage, type ImageLimits, type ImageRejection, type PreparedImage, type PrepareImageResult } from './prepare-image.js';
export { createThumbnailStore, type ThumbnailStore } from './thumbnail-store.js';
