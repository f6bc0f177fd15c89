// Which input the page offers for a model: the drawing pad for grayscale drawing models (digits and
// other figures on a plain background, what the pad makes), a photo drop for colour and photo
// models (they never saw strokes). Cards from servers before image kinds have no image_kind: a
// grayscale one is a drawing model, as those models were.

export const DRAW = 'draw';
export const PHOTO = 'photo';

/** DRAW or PHOTO for a model card's input ({channels, image_kind, ...}). */
export function inputModeOf(input) {
  if (!input) {
    return DRAW;
  }
  return input.channels === 1 && input.image_kind !== 'photo' ? DRAW : PHOTO;
}

/** The page's words for each mode. */
export const WORDING = {
  [DRAW]: {
    tagline: 'Draw a digit and see what a long-tailed classifier makes of it.',
    title: 'Your digit',
    hint: 'Draw with the mouse, a finger or a pen, or drop an image anywhere on the page.',
    empty: 'Draw a digit to see the model’s answer.',
    choose: 'Choose image…',
    pad: 'Drawing pad: draw one digit, white on black',
  },
  [PHOTO]: {
    tagline: 'Show it a photo and see what a long-tailed classifier makes of it.',
    title: 'Your photo',
    hint: 'This model reads photos: drop one anywhere on the page, paste one, or choose a file.',
    empty: 'Choose or drop a photo to see the model’s answer.',
    choose: 'Choose photo…',
    pad: 'Photo drop: the photo to classify',
  },
};
