import type { ReactNode } from 'react'
import type { ListStyle } from '../../../shared/doc'

/**
 * The `<ol>` or `<ul>` of a list. A numbered list draws its numbers with a CSS counter started
 * at `style.start`, so an item added anywhere (Enter) takes the next number.
 */
export function Items({
  depth,
  style,
  children,
}: {
  depth: number
  style: ListStyle
  children: ReactNode
}) {
  const className = `items depth-${Math.min(depth, 4)}`
  return style.ordered ? (
    <ol
      className={className}
      start={style.start}
      style={{ counterReset: `okr ${style.start - 1}` }}
    >
      {children}
    </ol>
  ) : (
    <ul className={className}>{children}</ul>
  )
}
