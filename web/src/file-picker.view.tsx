/** A button that opens the file picker: the keyboard's way to upload (a drop needs a mouse). */
import { useRef } from "preact/hooks";

interface FilePickerProps {
  /** The button's text. */
  children: string;
  /** Its accessible name; starts with the text. */
  label: string;
  disabled?: boolean;
  onFile: (file: File) => void;
}

export function FilePicker({ children, label, disabled, onFile }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" aria-label={label} disabled={disabled} onClick={() => input.current?.click()}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        accept="image/*"
        hidden
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Cleared, so picking the same file again is a change too.
          event.currentTarget.value = "";
          if (file) onFile(file);
        }}
      />
    </>
  );
}
