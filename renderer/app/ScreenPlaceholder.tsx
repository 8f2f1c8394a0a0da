// Stands in for a screen that is not built yet, saying what it will hold.

export function ScreenPlaceholder({ title, holds }: { title: string; holds: string }) {
  return (
    <section className="panel" aria-labelledby="placeholder-heading">
      <h2 id="placeholder-heading">{title}</h2>
      <p className="placeholder">{holds}</p>
    </section>
  );
}
