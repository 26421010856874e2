/**
 * Questions grouped by meaning: a greedy clustering on cosine similarity of the sentence vectors
 * (MiniLM, L2-normalised). Identical texts (after normalising case, spaces and final punctuation)
 * are one item weighted by how often they were asked; items, most frequent first, join the cluster
 * whose centroid is most similar if that similarity reaches `threshold`, else start one. Each
 * cluster's representative is its text closest to the centroid. Items without a vector (the model
 * was unavailable when they were stored) only group with identical texts.
 */
export interface ClusterItem {
  text: string;
  vector: readonly number[] | null;
}

export interface Cluster {
  /** The text closest to the centroid (ties: the one asked most). */
  representative: string;
  /** Indexes into the input of every member. */
  members: number[];
  /** Distinct texts, most asked first. */
  texts: string[];
}

/** Lower case, single spaces, no trailing punctuation: "How do I reset my password?" = "how do i reset my password". */
export function normaliseQuestion(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?!.。？！]+$/u, '');
}

interface Group {
  text: string;
  members: number[];
  vector: readonly number[] | null;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) sum += a[i]! * b[i]!;
  return sum;
}

function norm(v: readonly number[]): number {
  return Math.sqrt(dot(v, v));
}

export function clusterQuestions(items: readonly ClusterItem[], threshold: number): Cluster[] {
  // Identical texts first.
  const byText = new Map<string, Group>();
  items.forEach((item, index) => {
    const key = normaliseQuestion(item.text);
    const group = byText.get(key);
    if (group) {
      group.members.push(index);
      group.vector ??= item.vector;
    } else byText.set(key, { text: item.text, members: [index], vector: item.vector });
  });
  const groups = [...byText.values()].sort((a, b) => b.members.length - a.members.length);

  interface Building {
    groups: Group[];
    sum: number[] | null;
  }
  const clusters: Building[] = [];
  for (const group of groups) {
    let best: Building | undefined;
    let bestSimilarity = -Infinity;
    if (group.vector) {
      for (const cluster of clusters) {
        if (!cluster.sum) continue;
        const similarity = dot(group.vector, cluster.sum) / (norm(cluster.sum) * norm(group.vector) || 1);
        if (similarity > bestSimilarity) {
          bestSimilarity = similarity;
          best = cluster;
        }
      }
    }
    if (best && bestSimilarity >= threshold) {
      best.groups.push(group);
      const weight = group.members.length;
      group.vector!.forEach((v, i) => (best.sum![i] = (best.sum![i] ?? 0) + v * weight));
    } else {
      clusters.push({ groups: [group], sum: group.vector ? group.vector.map((v) => v * group.members.length) : null });
    }
  }

  return clusters
    .map((cluster) => {
      const sorted = [...cluster.groups].sort((a, b) => b.members.length - a.members.length);
      let representative = sorted[0]!;
      if (cluster.sum) {
        const length = norm(cluster.sum) || 1;
        let bestSimilarity = -Infinity;
        for (const group of sorted) {
          if (!group.vector) continue;
          const similarity = dot(group.vector, cluster.sum) / (length * (norm(group.vector) || 1));
          // Strictly better only: among equals the most asked (sorted first) stays.
          if (similarity > bestSimilarity + 1e-9) {
            bestSimilarity = similarity;
            representative = group;
          }
        }
      }
      return {
        representative: representative.text,
        members: sorted.flatMap((g) => g.members),
        texts: sorted.map((g) => g.text),
      };
    })
    .sort((a, b) => b.members.length - a.members.length);
}
