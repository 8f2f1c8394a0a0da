// A labelled select of workbook items (book versions, datasets) by numeric id: the one the Compare and Finance
// screens use to pick what to replay. An empty value means nothing is chosen yet.

export interface Choice {
  id: number;
  label: string;
}

export interface ChoiceSelectProps {
  label: string;
  ariaLabel: string;
  value: number | null;
  choices: readonly Choice[];
  disabled: boolean;
  /** Shown as the first, empty option while nothing is chosen; omitted when the screen always chooses one. */
  placeholder?: string;
  onChoose: (id: number | null) => void;
}

export function ChoiceSelect({ label, ariaLabel, value, choices, disabled, placeholder, onChoose }: ChoiceSelectProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <select aria-label={ariaLabel} value={value ?? ''} disabled={disabled} onChange={(event) => onChoose(event.target.value === '' ? null : Number(event.target.value))}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}
