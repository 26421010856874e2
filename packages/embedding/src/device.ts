import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { EmbeddingDevice } from './config.js';

export interface DeviceChoice {
  device: 'cpu' | 'cuda';
  /** Why, for the log line. */
  reason: string;
}

/** Whether the host exposes an NVIDIA GPU through its kernel driver. */
export function hasNvidiaDevice(): boolean {
  return existsSync('/dev/nvidia0') || existsSync('/proc/driver/nvidia/version');
}

/**
 * onnxruntime-node bundles only its CPU provider; the CUDA provider libraries are fetched from NuGet by its
 * install script (`npm install` with network access, or ONNXRUNTIME_NODE_INSTALL=cuda12). Linux x64 only.
 */
export function cudaProviderPath(): string | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  try {
    const fromTransformers = createRequire(require.resolve('@huggingface/transformers'));
    const root = path.dirname(fromTransformers.resolve('onnxruntime-node/package.json'));
    const file = path.join(root, 'bin', 'napi-v6', 'linux', 'x64', 'libonnxruntime_providers_cuda.so');
    return existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves EMBEDDING_DEVICE: `auto` takes CUDA only when both the GPU and the CUDA provider are there. */
export function chooseDevice(requested: EmbeddingDevice): DeviceChoice {
  if (requested === 'cpu') return { device: 'cpu', reason: 'EMBEDDING_DEVICE=cpu' };
  const gpu = hasNvidiaDevice();
  const provider = cudaProviderPath();
  if (requested === 'cuda') {
    if (!provider) {
      throw new Error(
        "EMBEDDING_DEVICE=cuda, but onnxruntime-node's CUDA provider (libonnxruntime_providers_cuda.so) is not installed; " +
          'reinstall onnxruntime-node with network access (ONNXRUNTIME_NODE_INSTALL=cuda12) or use EMBEDDING_DEVICE=auto|cpu',
      );
    }
    return { device: 'cuda', reason: `EMBEDDING_DEVICE=cuda${gpu ? '' : ' (no NVIDIA device node seen; onnxruntime will fail if there is none)'}` };
  }
  if (gpu && provider) return { device: 'cuda', reason: 'auto: NVIDIA device and CUDA provider found' };
  if (gpu) return { device: 'cpu', reason: "auto: NVIDIA device found, but onnxruntime-node's CUDA provider is not installed" };
  return { device: 'cpu', reason: 'auto: no NVIDIA device' };
}
