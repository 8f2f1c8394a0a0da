// Features: what each unit of usage burns (a flat burn or graduated tiers), how each event's burn is rounded, and
// what a unit costs us. Tiers, when a feature has them, decide its burn; the flat burn is then kept but unused.

import type { Feature, PriceBook, Rounding } from '../../../core/engine/price-book/model';
import {
  addFeature,
  addTier,
  removeFeature,
  removeTier,
  setFeatureBurn,
  setFeatureRounding,
  setFeatureText,
  setFeatureUnitCost,
  setTierField,
} from './book-edits';
import { featurePath, tierPath } from './field-issues';
import { ChoiceField, PlaceIssues, TextField } from './fields';
import type { DraftEdit } from './use-draft-edit';

const ROUNDINGS: ReadonlyArray<{ value: Rounding; text: string }> = [
  { value: 'none', text: 'None (exact)' },
  { value: 'up', text: 'Up' },
  { value: 'nearest', text: 'Nearest' },
];

function featureTitle(feature: Feature, index: number): string {
  return feature.name.trim() || feature.key.trim() || `Feature ${index + 1}`;
}

function FeatureCard({ feature, index, edit }: { feature: Feature; index: number; edit: DraftEdit }) {
  const title = featureTitle(feature, index);
  const path = (field: string) => featurePath(index, field);
  const tiers = feature.tiers ?? [];
  return (
    <li className="editor-card" data-feature={feature.key}>
      <div className="card-heading">
        <h4>{title}</h4>
        <div className="card-actions">
          <button type="button" onClick={() => edit((b) => addTier(b, index))}>
            Add tier
          </button>
          <button type="button" className="danger" onClick={() => edit((b) => removeFeature(b, index))} aria-label={`Remove feature ${title}`}>
            Remove
          </button>
        </div>
      </div>
      <PlaceIssues path={`$.features[${index}]`} />
      <div className="field-row">
        <TextField label="Key" path={path('key')} name={`Key of ${title}`} value={feature.key} onChange={(text) => edit((b) => setFeatureText(b, index, 'key', text), path('key'))} />
        <TextField label="Name" path={path('name')} name={`Name of ${title}`} value={feature.name} onChange={(text) => edit((b) => setFeatureText(b, index, 'name', text), path('name'))} />
        <TextField
          label="Unit"
          path={path('unitLabel')}
          name={`Unit of ${title}`}
          value={feature.unitLabel}
          onChange={(text) => edit((b) => setFeatureText(b, index, 'unitLabel', text), path('unitLabel'))}
        />
        <TextField
          label={tiers.length > 0 ? 'Burn per unit (unused: tiers apply)' : 'Burn per unit (credits)'}
          path={path('burnPerUnit')}
          name={`Burn per unit of ${title}`}
          decimal
          value={String(feature.burnPerUnit)}
          onChange={(text) => edit((b) => setFeatureBurn(b, index, text), path('burnPerUnit'))}
        />
        <ChoiceField
          label="Rounding"
          path={path('rounding')}
          name={`Rounding of ${title}`}
          value={feature.rounding ?? 'none'}
          choices={ROUNDINGS}
          onChange={(rounding) => edit((b) => setFeatureRounding(b, index, rounding))}
        />
        <TextField
          label="Unit cost"
          path={path('unitCost')}
          name={`Unit cost of ${title}`}
          decimal
          placeholder="none"
          value={feature.unitCost === undefined ? '' : String(feature.unitCost)}
          onChange={(text) => edit((b) => setFeatureUnitCost(b, index, text), path('unitCost'))}
        />
      </div>
      {feature.tiers !== undefined && (
        <div className="tiers">
          <PlaceIssues path={path('tiers')} />
          <ol>
            {tiers.map((tier, tierIndex) => {
              const tierAt = (field: string) => tierPath(index, tierIndex, field);
              const tierName = `${title} tier ${tierIndex + 1}`;
              return (
                <li key={tierIndex} className="tier-row">
                  <span className="tier-number">Tier {tierIndex + 1}</span>
                  <TextField
                    label="Up to units (empty: open)"
                    path={tierAt('upToUnits')}
                    name={`Upper bound of ${tierName}`}
                    decimal
                    placeholder="open"
                    value={tier.upToUnits === null ? '' : String(tier.upToUnits)}
                    onChange={(text) => edit((b) => setTierField(b, index, tierIndex, 'upToUnits', text), tierAt('upToUnits'))}
                  />
                  <TextField
                    label="Burn per unit"
                    path={tierAt('burnPerUnit')}
                    name={`Burn per unit of ${tierName}`}
                    decimal
                    value={String(tier.burnPerUnit)}
                    onChange={(text) => edit((b) => setTierField(b, index, tierIndex, 'burnPerUnit', text), tierAt('burnPerUnit'))}
                  />
                  <button type="button" className="danger" onClick={() => edit((b) => removeTier(b, index, tierIndex))} aria-label={`Remove ${tierName}`}>
                    Remove tier
                  </button>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </li>
  );
}

export function FeaturesSection({ book, edit }: { book: PriceBook; edit: DraftEdit }) {
  return (
    <section className="panel editor-section" aria-labelledby="editor-features-heading">
      <div className="card-heading">
        <h3 id="editor-features-heading">Features</h3>
        <button type="button" onClick={() => edit(addFeature)}>
          Add feature
        </button>
      </div>
      <PlaceIssues path="$.features" />
      <ul className="editor-cards">
        {book.features.map((feature, index) => (
          <FeatureCard key={index} feature={feature} index={index} edit={edit} />
        ))}
      </ul>
    </section>
  );
}
