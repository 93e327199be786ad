import { ButtonStyle, ComponentType, MessageFlags } from 'discord-api-types/v10';
import { FormErrors, type ErrorPath } from './errors.ts';

/** Discord's documented message limits; a payload over any of them is answered with 50035. */
export const Limits = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  embedTotal: 6000,
  actionRows: 5,
  rowComponents: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectPlaceholder: 150,
  selectOptionText: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

export type Json = Record<string, unknown>;

export const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const maxLength = (errors: FormErrors, path: ErrorPath, value: unknown, max: number): number => {
  if (typeof value !== 'string') return 0;
  if (value.length > max) errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  return value.length;
};

const required = (errors: FormErrors, path: ErrorPath, value: unknown): boolean => {
  if (value === undefined || value === null || value === '') {
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return false;
  }
  return true;
};

function validateEmbeds(errors: FormErrors, path: ErrorPath, embeds: unknown): void {
  if (!Array.isArray(embeds)) return;
  if (embeds.length > Limits.embeds) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${Limits.embeds} or fewer in length.`);
  }
  let total = 0;
  embeds.forEach((embed: unknown, i) => {
    if (!isRecord(embed)) return;
    const at = [...path, i];
    total += maxLength(errors, [...at, 'title'], embed.title, Limits.embedTitle);
    total += maxLength(errors, [...at, 'description'], embed.description, Limits.embedDescription);
    if (isRecord(embed.footer)) {
      total += maxLength(errors, [...at, 'footer', 'text'], embed.footer.text, Limits.embedFooter);
    }
    if (isRecord(embed.author)) {
      total += maxLength(errors, [...at, 'author', 'name'], embed.author.name, Limits.embedAuthor);
    }
    if (Array.isArray(embed.fields)) {
      if (embed.fields.length > Limits.embedFields) {
        errors.add(
          [...at, 'fields'],
          'BASE_TYPE_MAX_LENGTH',
          `Must be ${Limits.embedFields} or fewer in length.`,
        );
      }
      embed.fields.forEach((field: unknown, j) => {
        if (!isRecord(field)) return;
        const fat = [...at, 'fields', j];
        if (required(errors, [...fat, 'name'], field.name)) {
          total += maxLength(errors, [...fat, 'name'], field.name, Limits.embedFieldName);
        }
        if (required(errors, [...fat, 'value'], field.value)) {
          total += maxLength(errors, [...fat, 'value'], field.value, Limits.embedFieldValue);
        }
      });
    }
  });
  if (total > Limits.embedTotal) {
    errors.add(path, 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${Limits.embedTotal}`);
  }
}

const buttonStyles = new Set<number>(Object.values(ButtonStyle).filter((v) => typeof v === 'number'));
const selectTypes = new Set<number>([
  ComponentType.StringSelect,
  ComponentType.UserSelect,
  ComponentType.RoleSelect,
  ComponentType.MentionableSelect,
  ComponentType.ChannelSelect,
]);

function validateInteractive(errors: FormErrors, at: ErrorPath, component: Json, seen: Set<string>): void {
  if (typeof component.custom_id === 'string') {
    maxLength(errors, [...at, 'custom_id'], component.custom_id, Limits.customId);
    if (seen.has(component.custom_id)) {
      errors.add(
        [...at, 'custom_id'],
        'COMPONENT_CUSTOM_ID_DUPLICATED',
        'Component custom id cannot be duplicated',
      );
    }
    seen.add(component.custom_id);
  }
  if (component.type === ComponentType.Button) {
    const style = component.style;
    if (typeof style !== 'number' || !buttonStyles.has(style)) {
      errors.add(
        [...at, 'style'],
        'BASE_TYPE_CHOICES',
        `Value must be one of {${[...buttonStyles].join(', ')}}.`,
      );
    }
    maxLength(errors, [...at, 'label'], component.label, Limits.buttonLabel);
    if (style === ButtonStyle.Link) {
      required(errors, [...at, 'url'], component.url);
      if (component.custom_id !== undefined) {
        errors.add(
          [...at, 'custom_id'],
          'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED',
          'A custom id cannot be set on a link button',
        );
      }
    } else if (style !== ButtonStyle.Premium) {
      required(errors, [...at, 'custom_id'], component.custom_id);
    }
    if (component.label === undefined && component.emoji === undefined && style !== ButtonStyle.Premium) {
      errors.add(at, 'BUTTON_COMPONENT_INVALID', 'A button must have a label or an emoji');
    }
  } else if (typeof component.type === 'number' && selectTypes.has(component.type)) {
    required(errors, [...at, 'custom_id'], component.custom_id);
    maxLength(errors, [...at, 'placeholder'], component.placeholder, Limits.selectPlaceholder);
    if ((component.type as ComponentType) === ComponentType.StringSelect) {
      const options = component.options;
      if (!Array.isArray(options) || options.length < 1 || options.length > Limits.selectOptions) {
        errors.add(
          [...at, 'options'],
          'BASE_TYPE_BAD_LENGTH',
          `Must be between 1 and ${Limits.selectOptions} in length.`,
        );
      } else {
        options.forEach((option: unknown, k) => {
          if (!isRecord(option)) return;
          for (const key of ['label', 'value', 'description'] as const) {
            maxLength(errors, [...at, 'options', k, key], option[key], Limits.selectOptionText);
          }
        });
      }
    }
  }
}

function validateClassicComponents(
  errors: FormErrors,
  path: ErrorPath,
  components: unknown[],
  seen: Set<string>,
): void {
  if (components.length > Limits.actionRows) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${Limits.actionRows} or fewer in length.`);
  }
  components.forEach((row: unknown, i) => {
    const at = [...path, i];
    if (!isRecord(row)) return;
    if (row.type !== ComponentType.ActionRow) {
      errors.add(
        [...at, 'type'],
        'UNION_TYPE_CHOICES',
        `Value of field "type" must be one of (${ComponentType.ActionRow},).`,
      );
      return;
    }
    const children = Array.isArray(row.components) ? (row.components as unknown[]) : [];
    if (children.length < 1 || children.length > Limits.rowComponents) {
      errors.add(
        [...at, 'components'],
        'BASE_TYPE_BAD_LENGTH',
        `Must be between 1 and ${Limits.rowComponents} in length.`,
      );
    }
    const hasSelect = children.some(
      (c) => isRecord(c) && typeof c.type === 'number' && selectTypes.has(c.type),
    );
    if (hasSelect && children.length > 1) {
      errors.add(
        [...at, 'components'],
        'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
        'The specified component exceeds the maximum width',
      );
    }
    children.forEach((child: unknown, j) => {
      if (isRecord(child)) validateInteractive(errors, [...at, 'components', j], child, seen);
    });
  });
}

/** Components v2 trees nest freely; only the interactive leaves' limits are checked. */
function validateNestedComponents(
  errors: FormErrors,
  path: ErrorPath,
  components: unknown[],
  seen: Set<string>,
): void {
  components.forEach((component: unknown, i) => {
    if (!isRecord(component)) return;
    const at = [...path, i];
    validateInteractive(errors, at, component, seen);
    if (Array.isArray(component.components))
      validateNestedComponents(errors, [...at, 'components'], component.components, seen);
    if (isRecord(component.accessory))
      validateInteractive(errors, [...at, 'accessory'], component.accessory, seen);
  });
}

/**
 * Checks a message body (create or edit) against Discord's limits. `path` prefixes every error, e.g. `data` for an
 * interaction callback, exactly as Discord reports it.
 */
export function validateMessageBody(body: Json, path: ErrorPath = [], errors = new FormErrors()): FormErrors {
  maxLength(errors, [...path, 'content'], body.content, Limits.content);
  validateEmbeds(errors, [...path, 'embeds'], body.embeds);
  if (Array.isArray(body.components)) {
    const flags = typeof body.flags === 'number' ? body.flags : 0;
    const seen = new Set<string>();
    if ((flags & MessageFlags.IsComponentsV2) !== 0) {
      validateNestedComponents(errors, [...path, 'components'], body.components, seen);
    } else {
      validateClassicComponents(errors, [...path, 'components'], body.components, seen);
    }
  }
  return errors;
}

/** True when a new message would have nothing to show (Discord answers 50006). */
export function isEmptyMessage(body: Json): boolean {
  const nonEmpty = (v: unknown): boolean =>
    typeof v === 'string' ? v.length > 0 : Array.isArray(v) && v.length > 0;
  return !(
    nonEmpty(body.content) ||
    nonEmpty(body.embeds) ||
    nonEmpty(body.components) ||
    nonEmpty(body.attachments) ||
    nonEmpty(body.sticker_ids) ||
    isRecord(body.poll)
  );
}

export function validateAutocompleteChoices(body: Json, path: ErrorPath): FormErrors {
  const errors = new FormErrors();
  const choices = body.choices;
  if (!Array.isArray(choices)) {
    errors.add([...path, 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return errors;
  }
  if (choices.length > Limits.autocompleteChoices) {
    errors.add(
      [...path, 'choices'],
      'BASE_TYPE_MAX_LENGTH',
      `Must be ${Limits.autocompleteChoices} or fewer in length.`,
    );
  }
  choices.forEach((choice: unknown, i) => {
    if (!isRecord(choice)) return;
    if (required(errors, [...path, 'choices', i, 'name'], choice.name)) {
      maxLength(errors, [...path, 'choices', i, 'name'], choice.name, Limits.choiceName);
    }
    maxLength(errors, [...path, 'choices', i, 'value'], choice.value, Limits.choiceValue);
  });
  return errors;
}

const commandName = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateOptions(errors: FormErrors, path: ErrorPath, options: unknown): void {
  if (!Array.isArray(options)) return;
  if (options.length > 25) errors.add(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  options.forEach((option: unknown, i) => {
    if (!isRecord(option)) return;
    const at = [...path, i];
    validateName(errors, [...at, 'name'], option.name);
    if (required(errors, [...at, 'description'], option.description)) {
      maxLength(errors, [...at, 'description'], option.description, 100);
    }
    if (Array.isArray(option.choices) && option.choices.length > 25) {
      errors.add([...at, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    }
    validateOptions(errors, [...at, 'options'], option.options);
  });
}

function validateName(errors: FormErrors, path: ErrorPath, name: unknown): void {
  if (typeof name !== 'string' || !commandName.test(name) || name !== name.toLowerCase()) {
    errors.add(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
}

/** Checks a bulk command registration (PUT) body. */
export function validateCommands(body: unknown): FormErrors {
  const errors = new FormErrors();
  if (!Array.isArray(body)) {
    errors.add([], 'BASE_TYPE_ARRAY', 'Must be an array.');
    return errors;
  }
  if (body.length > 100) errors.add([], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
  const names = new Set<string>();
  body.forEach((command: unknown, i) => {
    if (!isRecord(command)) return;
    const type = typeof command.type === 'number' ? command.type : 1;
    if (type === 1) {
      validateName(errors, [i, 'name'], command.name);
      if (required(errors, [i, 'description'], command.description)) {
        maxLength(errors, [i, 'description'], command.description, 100);
      }
    }
    const key = `${String(type)}:${String(command.name)}`;
    if (names.has(key))
      errors.add(
        [i, 'name'],
        'APPLICATION_COMMANDS_DUPLICATE_NAME',
        'Application command names must be unique',
      );
    names.add(key);
    validateOptions(errors, [i, 'options'], command.options);
  });
  return errors;
}
