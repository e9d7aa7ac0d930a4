/** Asks for the identity the service's AUTH_MODE needs: a bearer token, or an ftrack username and API key. */
import type { Identity } from "./identity";
import type { AuthMode } from "./service.config";

interface SignInProps {
  mode: Exclude<AuthMode, "none">;
  /** Why the page asks again (the service refused the last identity). */
  message?: string;
  onSignIn: (identity: Identity) => void;
}

export function SignIn({ mode, message, onSignIn }: SignInProps) {
  function submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const field = (name: string) => String(form.get(name) ?? "").trim();
    onSignIn(
      mode === "jwt"
        ? { mode, token: field("token") }
        : { mode, username: field("username"), apiKey: field("apiKey") },
    );
  }

  return (
    <main class="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">Sign in</h2>
        {message && (
          <div class="error" role="alert">
            {message}
          </div>
        )}
        {mode === "jwt" ? (
          <label>
            Access token
            <input name="token" type="password" required autocomplete="off" />
          </label>
        ) : (
          <>
            <label>
              ftrack username
              <input name="username" required autocomplete="username" />
            </label>
            <label>
              ftrack API key
              <input name="apiKey" type="password" required autocomplete="off" />
            </label>
          </>
        )}
        <p class="muted">Kept in this tab's memory only: reloading the page signs you out.</p>
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
