import { Component, type ReactNode } from 'react';

type Props = { children: ReactNode; resetKey?: string; fallback: (error: Error) => ReactNode };
type State = { error: Error | null };

/**
 * Catches a page that fails to render or whose code fails to load (e.g. after a new version was
 * deployed under the open tab) and shows `fallback` — a reload — instead of a blank screen. Plain
 * React, so the public shell can use it without the console's component library.
 */
export class PageErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidUpdate(prev: Props) {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
