import { Component, type ReactNode } from 'react';
import { i18n } from '../../i18n/index.ts';

type State = { error: Error | null };

/** A public page that fails to render or to load (a new version deployed under the open tab) offers a reload. */
export class PublicErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidUpdate(prev: { resetKey?: string }) {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="public-card" role="alert">
        <h2>{i18n.t('errors.pageFailed')}</h2>
        <button type="button" className="public-button" onClick={() => window.location.reload()}>
          {i18n.t('errors.reload')}
        </button>
      </div>
    );
  }
}
