/** The WCAG relative luminance of a computed `rgb(r, g, b)` colour. */
function luminance(color: string): number {
  const channels =
    color
      .match(/[\d.]+/g)
      ?.slice(0, 3)
      .map(Number) ?? [];
  const [r = 0, g = 0, b = 0] = channels.map((channel) => {
    const value = channel / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The contrast ratio of an element's text on its own background, from the computed styles. axe leaves
 * disabled controls out of its colour-contrast rule, so a disabled control's readability is measured here.
 */
export function textContrast(element: Element): number {
  const style = getComputedStyle(element);
  const [lighter, darker] = [luminance(style.color), luminance(style.backgroundColor)].sort((a, b) => b - a);
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
}
