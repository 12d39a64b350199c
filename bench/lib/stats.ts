import * as hdr from 'hdr-histogram-js';

/** Latency recorder backed by an HDR histogram (microsecond resolution, up to 60 s). */
export class Latency {
  private readonly h = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 60_000_000,
    numberOfSignificantValueDigits: 3,
  });

  recordMs(ms: number): void {
    this.h.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  get count(): number {
    return this.h.totalCount;
  }

  percentile(p: number): number {
    return Math.round(this.h.getValueAtPercentile(p) / 10) / 100;
  }

  summary(): { count: number; p50: number; p95: number; p99: number; max: number } {
    return {
      count: this.count,
      p50: this.percentile(50),
      p95: this.percentile(95),
      p99: this.percentile(99),
      max: Math.round(this.h.maxValue / 10) / 100,
    };
  }
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
