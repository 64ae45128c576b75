import { useId } from "react";
import { cn } from "../lib/cn.ts";

export interface SparklineProps {
  /** The values in order; their scale does not matter (a float is fine: this only draws a shape). */
  values: readonly number[];
  className?: string;
  /** A CSS colour; defaults to the first chart colour. */
  color?: string;
}

/** A tiny trend line (with a soft area) for a StatTile; decorative, so hidden from screen readers. */
export function Sparkline({ values, className, color = "var(--color-chart-1)" }: SparklineProps) {
  // useId output holds characters that are not safe inside url(#…): keep letters, digits, _ and -.
  const gradientId = `spark-${useId().replace(/[^\w-]/g, "")}`;
  if (values.length < 2) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const width = 100;
  const height = 32;
  const points = values.map((value, index) => {
    const x = (index / (values.length - 1)) * width;
    // Keep a pixel of margin so the stroke is not clipped at the extremes.
    const y = height - 1 - ((value - min) / span) * (height - 2);
    return `${x.toFixed(2)},${y.toFixed(2)}`;
  });
  const line = points.join(" ");
  const area = `0,${height} ${line} ${width},${height}`;
  return (
    <svg
      aria-hidden="true"
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      className={cn("h-8 w-full overflow-visible", className)}
    >
      <defs>
        <linearGradient id={gradientId} x1="0" x2="0" y1="0" y2="1">
          <stop offset="0%" stopColor={color} stopOpacity={0.25} />
          <stop offset="100%" stopColor={color} stopOpacity={0} />
        </linearGradient>
      </defs>
      <polygon points={area} fill={`url(#${gradientId})`} />
      <polyline
        points={line}
        fill="none"
        stroke={color}
        strokeWidth={1.5}
        strokeLinejoin="round"
        strokeLinecap="round"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}
