/**
 * Stands between the highlight layer and `CSS.highlights` and registers each
 * type's highlight under the name of the reader's chosen style, so a change of
 * style in the options repaints open tabs at once: the same Highlight objects
 * move to other names, no mention is found or mapped again.
 */
import { ENTITY_TYPES, type EntityType } from '../dataset/pack';
import { HIGHLIGHT_NAMES, type HighlightRegistryLike } from './highlight-layer';
import { styledHighlightName, type HighlightStyle } from './highlight-styles';

/** The entity type whose plain highlight name is `name`, if it is one of Backstory's. */
function typeOfName(name: string): EntityType | undefined {
  return ENTITY_TYPES.find((type) => HIGHLIGHT_NAMES[type] === name);
}

export class StyledHighlightRegistry implements HighlightRegistryLike {
  private readonly registered = new Map<EntityType, Highlight>();

  constructor(
    private style: HighlightStyle,
    private readonly target: HighlightRegistryLike = CSS.highlights,
  ) {}

  set(name: string, highlight: Highlight): HighlightRegistry {
    const type = typeOfName(name);
    if (!type) return this.target.set(name, highlight);
    this.registered.set(type, highlight);
    return this.target.set(styledHighlightName(type, this.style), highlight);
  }

  delete(name: string): boolean {
    const type = typeOfName(name);
    if (!type) return this.target.delete(name);
    this.registered.delete(type);
    return this.target.delete(styledHighlightName(type, this.style));
  }

  /** Moves every registered highlight to the names of `style`. */
  setStyle(style: HighlightStyle): void {
    if (style === this.style) return;
    for (const [type, highlight] of this.registered) {
      this.target.delete(styledHighlightName(type, this.style));
      this.target.set(styledHighlightName(type, style), highlight);
    }
    this.style = style;
  }
}
