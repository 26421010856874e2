/** The request itself is wrong (empty, too many, not decodable): retrying cannot help. */
export class EmbeddingInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddingInputError';
  }
}
