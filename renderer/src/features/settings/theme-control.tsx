import { useState } from 'react';
import { readTheme, saveTheme, themes, type Theme } from './theme';

const labels: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** System, light or dark: kept in this profile and applied at once. */
export function ThemeControl() {
  const [theme, setTheme] = useState(readTheme);
  return (
    <fieldset className="theme-control">
      <legend>Theme</legend>
      {themes.map((option) => (
        <label key={option} className="radio">
          <input
            type="radio"
            name="theme"
            value={option}
            checked={theme === option}
            onChange={() => {
              setTheme(option);
              saveTheme(option);
            }}
          />
          {labels[option]}
        </label>
      ))}
    </fieldset>
  );
}
