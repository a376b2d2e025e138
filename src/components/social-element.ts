/** The base of every social media element: the block, the actions on it and how it was answered. */
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Block, Choice } from '../core/model.js';
import { base, tokens } from './styles.js';
import { choiceButtonStyles, socialStyles } from './social.js';
import { en, type Strings } from './strings.js';

export abstract class SocialElement<B extends Block> extends LitElement {
  static override styles = [tokens, base, socialStyles, choiceButtonStyles];

  /** The block to show (from the compiled content). */
  @property({ attribute: false }) block!: B;
  /** Choices that act on this block; each becomes a button. */
  @property({ attribute: false }) actions: readonly Choice[] = [];
  /** The scenario is answered: buttons are disabled and the learner's choice is marked. */
  @property({ type: Boolean }) answered = false;
  /** Ids of the choices selected (before Submit) or submitted. */
  @property({ attribute: false }) picked: readonly string[] = [];
  /** The block has just arrived (a consequence); it is announced and may animate. */
  @property({ type: Boolean }) arriving = false;
  /** The interface's words, in the learner's language. */
  @property({ attribute: false }) strings: Strings = en;
}

export type { Block, Choice };
