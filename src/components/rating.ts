/** Words for ratings: correctness is always said in text, never by colour alone. */
import type { Rating } from '../core/model.js';

export function ratingLabel(rating: Rating): string {
  return rating === 'best' ? 'Best choice' : rating === 'acceptable' ? 'Partly right' : 'Not the best choice';
}
