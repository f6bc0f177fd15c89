/**
 * How the trainer puts things on disk: atomic file writes and renames ({@link
 * dev.resltj.trainer.storage.AtomicFiles}), its JSON files ({@link
 * dev.resltj.trainer.storage.JsonFiles}), content hashes ({@link
 * dev.resltj.trainer.storage.Sha256}), whole-folder removal ({@link
 * dev.resltj.trainer.storage.Folders}) and the names inside a run folder ({@link
 * dev.resltj.trainer.storage.RunFolderLayout}). Every other package writes through these, so a
 * crash never leaves half a file behind.
 */
package dev.resltj.trainer.storage;
