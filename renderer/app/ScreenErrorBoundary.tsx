// Catches a defect while a screen renders, so the rest of the workbench (nav, save, other screens) keeps working
// and the page says what happened instead of going blank. Only broken invariants land here.

import { Component, type ReactNode } from 'react';

interface BoundaryState {
  message: string | null;
}

export class ScreenErrorBoundary extends Component<{ screen: string; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { message: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override componentDidUpdate(previous: { screen: string }): void {
    // Another screen gets a fresh start.
    if (previous.screen !== this.props.screen && this.state.message !== null) this.setState({ message: null });
  }

  override render(): ReactNode {
    if (this.state.message === null) return this.props.children;
    return (
      <section className="panel">
        <h2>This screen stopped working</h2>
        <p className="problem" role="alert">
          Something went wrong while showing it ({this.state.message}). Your workbook is safe; open another screen and come back, or reload the page.
        </p>
      </section>
    );
  }
}
