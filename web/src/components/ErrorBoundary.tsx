import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { i18n } from '../i18n/index.ts';

type State = { error: Error | null };

/**
 * Catches a page that fails to render or whose code fails to load (e.g. after a new version was
 * deployed under the open tab) and offers a reload instead of a blank screen.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
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
      <Result
        status="warning"
        title={i18n.t('errors.pageFailed')}
        subTitle={this.state.error.message}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {i18n.t('errors.reload')}
          </Button>
        }
      />
    );
  }
}
