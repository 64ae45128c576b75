import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from "lucide-react";
import { cn } from "../lib/cn.ts";
import { formatNumber } from "../lib/format/format-number.ts";
import { IconButton } from "../primitives/icon-button.tsx";
import { Select } from "../primitives/select.tsx";

export interface PaginationProps {
  /** The current page, counted from 0. */
  pageIndex: number;
  pageSize: number;
  /** Rows in all pages; leave undefined when the server does not count (then `hasNextPage` drives Next). */
  totalCount?: number;
  hasNextPage?: boolean;
  onPageChange: (pageIndex: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
  pageSizeOptions?: readonly number[];
  className?: string;
}

/** Page navigation for a list: range shown, rows per page, first/previous/next/last. */
export function Pagination({
  pageIndex,
  pageSize,
  totalCount,
  hasNextPage,
  onPageChange,
  onPageSizeChange,
  pageSizeOptions = [25, 50, 100],
  className,
}: PaginationProps) {
  const pageCount = totalCount === undefined ? undefined : Math.max(1, Math.ceil(totalCount / pageSize));
  const first = totalCount === 0 ? 0 : pageIndex * pageSize + 1;
  const last = totalCount === undefined ? (pageIndex + 1) * pageSize : Math.min((pageIndex + 1) * pageSize, totalCount);
  const canPrevious = pageIndex > 0;
  const canNext = pageCount === undefined ? hasNextPage === true : pageIndex + 1 < pageCount;
  const sizes = pageSizeOptions.includes(pageSize) ? pageSizeOptions : [...pageSizeOptions, pageSize].sort((a, b) => a - b);

  return (
    <nav aria-label="Pagination" className={cn("flex flex-wrap items-center justify-between gap-3 text-sm", className)}>
      <p className="text-muted-foreground tabular-nums" aria-live="polite">
        {totalCount === undefined
          ? `Rows ${formatNumber(first)}–${formatNumber(last)}`
          : `${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(totalCount)}`}
      </p>
      <div className="flex items-center gap-4">
        {onPageSizeChange ? (
          <div className="flex items-center gap-2">
            <span className="hidden text-muted-foreground sm:inline">
              Rows per page
            </span>
            <Select
              size="sm"
              className="w-18"
              aria-label="Rows per page"
              value={String(pageSize)}
              onValueChange={(value) => onPageSizeChange(Number(value))}
              options={sizes.map((size) => ({ value: String(size), label: String(size) }))}
            />
          </div>
        ) : null}
        {pageCount !== undefined ? (
          <span className="text-muted-foreground tabular-nums">
            Page {formatNumber(pageIndex + 1)} of {formatNumber(pageCount)}
          </span>
        ) : null}
        <div className="flex items-center gap-1">
          {pageCount !== undefined ? (
            <IconButton
              size="sm"
              variant="secondary"
              label="First page"
              tooltip={false}
              icon={<ChevronsLeft />}
              disabled={!canPrevious}
              onClick={() => onPageChange(0)}
            />
          ) : null}
          <IconButton
            size="sm"
            variant="secondary"
            label="Previous page"
            tooltip={false}
            icon={<ChevronLeft />}
            disabled={!canPrevious}
            onClick={() => onPageChange(pageIndex - 1)}
          />
          <IconButton
            size="sm"
            variant="secondary"
            label="Next page"
            tooltip={false}
            icon={<ChevronRight />}
            disabled={!canNext}
            onClick={() => onPageChange(pageIndex + 1)}
          />
          {pageCount !== undefined ? (
            <IconButton
              size="sm"
              variant="secondary"
              label="Last page"
              tooltip={false}
              icon={<ChevronsRight />}
              disabled={!canNext}
              onClick={() => onPageChange(pageCount - 1)}
            />
          ) : null}
        </div>
      </div>
    </nav>
  );
}
