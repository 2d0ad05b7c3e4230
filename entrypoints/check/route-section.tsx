import { useId } from 'react';
import { i18n } from '#i18n';
import { DISTRICT_ROUTE, type Route } from '@/lib/checks';

export interface RouteSectionProps {
  route: Route;
  routes: readonly Route[];
  onRoute: (route: Route) => void;
}

function routeName(route: Route): string {
  if (route === 'district-ftp') return i18n.t('check.route.district');
  if (route === 'huodong') return i18n.t('check.route.huodong');
  return i18n.t('check.route.hecloudnet');
}

/**
 * 报送途径: which round the files are for decides their formats (the district round's signed-PDF 信息表 and one ZIP of
 * 支撑材料) and whether the folder layout is checked. A category with one route says so instead of asking.
 */
export function RouteSection({ route, routes, onRoute }: RouteSectionProps) {
  const id = useId();
  const hint = route === DISTRICT_ROUTE ? i18n.t('check.route.districtHint') : i18n.t('check.route.platformHint');
  if (routes.length < 2) {
    return (
      <div className="check__route" data-testid="check-route">
        <p className="check__route-only">
          <strong>{i18n.t('check.route.heading')}</strong>
          {i18n.t('check.route.only', [routeName(route)])}
          {!routes.includes(DISTRICT_ROUTE) && ` ${i18n.t('check.route.noDistrict')}`}
        </p>
        <p className="check__route-hint" id={`${id}-hint`}>{hint}</p>
      </div>
    );
  }
  return (
    <fieldset className="check__route" data-testid="check-route" aria-describedby={`${id}-hint`}>
      <legend>{i18n.t('check.route.heading')}</legend>
      {routes.map((r) => (
        <label key={r} className="check__question">
          <input type="radio" name={`${id}-route`} value={r} checked={r === route} onChange={() => onRoute(r)} />
          {routeName(r)}
        </label>
      ))}
      <p className="check__route-hint" id={`${id}-hint`}>{hint}</p>
    </fieldset>
  );
}
