/** A refused action, in plain words first, then what the service said to do about it. */
import { plainWords, type ServiceError } from "./service.errors";

export function ErrorMessage({ error }: { error: ServiceError }) {
  return (
    <div class="error" role="alert">
      <strong>{plainWords(error)}</strong> {error.message}
    </div>
  );
}
