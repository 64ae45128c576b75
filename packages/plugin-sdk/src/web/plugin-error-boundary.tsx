import { ErrorCard } from "@opsdeck/ui";
import { QueryErrorResetBoundary } from "@tanstack/react-query";
import { Component, type ErrorInfo, type ReactNode } from "react";

export interface PluginErrorBoundaryProps {
  pluginId: string;
  children: ReactNode;
  /** A new value (the URL, say) clears a caught error, so moving to another page tries again. */
  resetKey?: unknown;
  className?: string;
}

// The card continues with "The rest of Opsdeck keeps running.": end the error's own text with a stop.
const asSentence = (message: string) => (/[.!?…:]\s*$/.test(message) ? message : `${message}.`);

interface InnerProps extends PluginErrorBoundaryProps {
  onReset: () => void;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

class Boundary extends Component<InnerProps, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: InnerProps, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { resetKey: props.resetKey, error: null };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`[opsdeck] the plugin "${this.props.pluginId}" crashed`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <ErrorCard
        plugin={this.props.pluginId}
        message={asSentence(error.message)}
        details={error.stack}
        className={this.props.className}
        onRetry={() => {
          this.props.onReset();
          this.setState({ error: null });
        }}
      />
    );
  }
}

/** Catches what a plugin's page or slot contribution throws and shows an error card naming the plugin. */
export function PluginErrorBoundary(props: PluginErrorBoundaryProps) {
  return <QueryErrorResetBoundary>{({ reset }) => <Boundary {...props} onReset={reset} />}</QueryErrorResetBoundary>;
}
