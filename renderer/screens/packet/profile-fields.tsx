/**
 * The unit profile part of a packet (docs/packet.md): the unit as its profile document names it, and what
 * only the packet asks: head of unit, the complaint team's decree (SK) and members, the channels
 * operated, staff and their training. Numbers and the decree date are typed as text and read when
 * the draft is saved (./draft-form).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../shared/complaint/vocabulary';
import type { PacketDraft } from '../../../shared/packet/packet-types';
import { TextAreaField, TextField } from '../../components/form-fields';
import { DateTextField } from './date-text-field';
import type { DraftTexts } from '../../../shared/packet/draft-form';

type Profile = PacketDraft['profile'];

export function ProfileFields(props: {
  draft: PacketDraft;
  texts: DraftTexts;
  errors: Readonly<Record<string, string>>;
  onProfile: (change: (profile: Profile) => Profile) => void;
  onText: (name: keyof DraftTexts, value: string) => void;
}): ReactNode {
  const { t } = useTranslation();
  const { profile } = props.draft;
  const set =
    <K extends keyof Profile>(key: K) =>
    (value: Profile[K]) =>
      props.onProfile((current) => ({ ...current, [key]: value }));
  const members = profile.team.members;
  const setMembers = (next: Profile['team']['members']): void =>
    props.onProfile((current) => ({ ...current, team: { ...current.team, members: next } }));

  return (
    <section className="packet__section" aria-labelledby="packet-profile-title">
      <h2 id="packet-profile-title">{t('packetUi.profile.title')}</h2>
      <dl className="facts">
        <dt>{t('setup.unitCode')}</dt>
        <dd className="mono">{profile.unitCode}</dd>
        <dt>{t('setup.unitName')}</dt>
        <dd>{profile.unitName}</dd>
        <dt>{t('setup.entityType')}</dt>
        <dd>{t(`entityType.${profile.entityType}`)}</dd>
      </dl>
      <div className="form__grid">
        <TextField
          path="profile.agency"
          label={t('setup.agency')}
          value={profile.agency}
          onChange={set('agency')}
          maxLength={200}
        />
        <TextField
          path="profile.contact"
          label={t('setup.contact')}
          value={profile.contact}
          onChange={set('contact')}
          maxLength={200}
        />
        <TextField
          path="profile.address"
          label={t('packetUi.profile.address')}
          value={profile.address}
          onChange={set('address')}
          maxLength={300}
        />
        <TextField
          path="profile.headOfUnit.name"
          label={t('packetUi.profile.headName')}
          value={profile.headOfUnit.name}
          onChange={(name) => set('headOfUnit')({ ...profile.headOfUnit, name })}
          maxLength={200}
        />
        <TextField
          path="profile.headOfUnit.position"
          label={t('packetUi.profile.headPosition')}
          value={profile.headOfUnit.position}
          onChange={(position) => set('headOfUnit')({ ...profile.headOfUnit, position })}
          maxLength={200}
        />
      </div>

      <fieldset>
        <legend>{t('packetUi.profile.team')}</legend>
        <div className="form__grid">
          <TextField
            path="profile.team.decreeNumber"
            label={t('packetUi.profile.decreeNumber')}
            value={profile.team.decreeNumber}
            onChange={(decreeNumber) => set('team')({ ...profile.team, decreeNumber })}
            maxLength={200}
          />
          <DateTextField
            path="profile.team.decreeDate"
            label={t('packetUi.profile.decreeDate')}
            value={props.texts.decreeDate}
            onChange={(value) => props.onText('decreeDate', value)}
            error={props.errors['profile.team.decreeDate']}
          />
        </div>
        {members.length === 0 ? <p className="field__hint">{t('packetUi.profile.noMembers')}</p> : null}
        {members.map((member, index) => (
          <div key={index} className="form__row packet__member">
            <TextField
              path={`profile.team.members.${index}.name`}
              label={t('packetUi.profile.memberName', { number: index + 1 })}
              value={member.name}
              onChange={(name) =>
                setMembers(members.map((row, at) => (at === index ? { ...row, name } : row)))
              }
              maxLength={200}
            />
            <TextField
              path={`profile.team.members.${index}.role`}
              label={t('packetUi.profile.memberRole', { number: index + 1 })}
              value={member.role}
              onChange={(role) =>
                setMembers(members.map((row, at) => (at === index ? { ...row, role } : row)))
              }
              maxLength={200}
            />
            <button
              type="button"
              className="button button--small"
              onClick={() => setMembers(members.filter((_, at) => at !== index))}
            >
              {t('packetUi.profile.removeMember', { number: index + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setMembers([...members, { name: '', role: '' }]);
            // The new row's name field takes the focus once it exists.
            setTimeout(
              () => document.getElementById(`field-profile-team-members-${members.length}-name`)?.focus(),
              0,
            );
          }}
        >
          {t('packetUi.profile.addMember')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('packetUi.profile.channels')}</legend>
        <div className="packet__checkboxes">
          {CHANNELS.map((channel) => (
            <label key={channel} className="checkbox">
              <input
                type="checkbox"
                name="profile.channels"
                value={channel}
                checked={profile.channels.includes(channel)}
                onChange={(event) =>
                  set('channels')(
                    event.target.checked
                      ? CHANNELS.filter((known) => known === channel || profile.channels.includes(known))
                      : profile.channels.filter((known) => known !== channel),
                  )
                }
              />
              {t(`channel.${channel}`)}
            </label>
          ))}
        </div>
        <TextField
          path="profile.otherChannels"
          label={t('packetUi.profile.otherChannels')}
          value={profile.otherChannels}
          onChange={set('otherChannels')}
          maxLength={500}
        />
      </fieldset>

      <fieldset>
        <legend>{t('packetUi.profile.staff')}</legend>
        <div className="form__grid">
          <TextField
            path="profile.staff.count"
            label={t('packetUi.profile.staffCount')}
            value={props.texts.staffCount}
            onChange={(value) => props.onText('staffCount', value)}
            inputMode="numeric"
            error={props.errors['profile.staff.count']}
          />
          <TextField
            path="profile.staff.trained"
            label={t('packetUi.profile.staffTrained')}
            value={props.texts.staffTrained}
            onChange={(value) => props.onText('staffTrained', value)}
            inputMode="numeric"
            error={props.errors['profile.staff.trained']}
          />
        </div>
        <TextAreaField
          path="profile.staff.training"
          label={t('packetUi.profile.training')}
          hint={t('packetUi.profile.trainingHint')}
          value={profile.staff.training}
          onChange={(training) => set('staff')({ ...profile.staff, training })}
          rows={3}
          maxLength={4000}
        />
      </fieldset>
    </section>
  );
}
