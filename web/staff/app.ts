/** The staff workspace (placeholder until the pages land). */
export async function startStaff(root: HTMLElement): Promise<void> {
  root.textContent = 'Staff workspace';
}
